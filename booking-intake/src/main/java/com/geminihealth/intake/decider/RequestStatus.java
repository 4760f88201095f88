package com.geminihealth.intake.decider;

import java.time.ZoneId;
import java.util.List;

import com.geminihealth.schemas.appointment.Appointment;
import com.geminihealth.schemas.appointment.AppointmentCancelled;
import com.geminihealth.schemas.appointment.AppointmentCompleted;
import com.geminihealth.schemas.appointment.AppointmentConfirmed;
import com.geminihealth.schemas.appointment.AppointmentDeclined;
import com.geminihealth.schemas.appointment.AppointmentEvent;
import com.geminihealth.schemas.appointment.AppointmentNoShow;
import com.geminihealth.schemas.appointment.AppointmentRescheduled;
import com.geminihealth.schemas.appointment.DeclineReason;
import com.geminihealth.schemas.appointment.RescheduleDeclined;
import com.geminihealth.schemas.appointment.Slot;

/**
 * Where a booking request stands, as the decider last decided it: what the status URL
 * answers.
 *
 * @param status PENDING until decided, then CONFIRMED, DECLINED, CANCELLED, COMPLETED or
 * NO_SHOW
 * @param appointment the appointment, once confirmed
 * @param reason why the request (or the last reschedule) was declined
 * @param alternatives open slots offered instead
 * @param zone the location's time zone, for showing times
 * @param location where it was asked for
 * @param service what was asked for
 */
public record RequestStatus(String status, Appointment appointment, DeclineReason reason, List<Slot> alternatives,
		ZoneId zone, String location, String service) {

	public static final RequestStatus PENDING = new RequestStatus("PENDING", null, null, List.of(), null, null, null);

	/** The status after {@code event}, or null for an event that changes nothing. */
	static RequestStatus after(AppointmentEvent event) {
		if (event instanceof AppointmentConfirmed confirmed) {
			return confirmed("CONFIRMED", confirmed.appointment());
		}
		if (event instanceof AppointmentRescheduled rescheduled) {
			return confirmed("CONFIRMED", rescheduled.appointment());
		}
		if (event instanceof RescheduleDeclined declined) {
			return new RequestStatus("CONFIRMED", declined.appointment(), declined.reason(), declined.alternatives(),
					declined.appointment().zone(), declined.appointment().location().value(),
					declined.appointment().service().value());
		}
		if (event instanceof AppointmentDeclined declined) {
			return new RequestStatus("DECLINED", null, declined.reason(), declined.alternatives(), declined.zone(),
					declined.location().value(), declined.service().value());
		}
		if (event instanceof AppointmentCancelled cancelled) {
			return confirmed("CANCELLED", cancelled.appointment());
		}
		if (event instanceof AppointmentCompleted completed) {
			return confirmed("COMPLETED", completed.appointment());
		}
		if (event instanceof AppointmentNoShow noShow) {
			return confirmed("NO_SHOW", noShow.appointment());
		}
		// A rejected command changed nothing.
		return null;
	}

	private static RequestStatus confirmed(String status, Appointment appointment) {
		return new RequestStatus(status, appointment, null, List.of(), appointment.zone(),
				appointment.location().value(), appointment.service().value());
	}

}
