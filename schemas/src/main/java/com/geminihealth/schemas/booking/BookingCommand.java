package com.geminihealth.schemas.booking;

/**
 * A command for the appointment decider. Keyed by location, so every decision about one
 * location's calendar is taken in order by one decider instance.
 */
public sealed interface BookingCommand permits BookAppointment, CancelAppointment, RescheduleAppointment, MarkCompleted,
		MarkNoShow, JoinWaitlist, ClaimWaitlistOffer {

	LocationId location();

}
