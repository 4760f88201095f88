package com.geminihealth.schemas.appointment;

import com.geminihealth.schemas.booking.AppointmentId;

/** A decision of the appointment decider, keyed by appointment. */
public sealed interface AppointmentEvent permits AppointmentConfirmed, AppointmentDeclined, AppointmentCancelled,
		AppointmentRescheduled, RescheduleDeclined, AppointmentCompleted, AppointmentNoShow, CommandRejected {

	AppointmentId appointmentId();

	/**
	 * The appointment as decided, for the events that carry one; null for a declined
	 * request or a rejected command, which have none.
	 */
	default Appointment appointment() {
		return null;
	}

}
