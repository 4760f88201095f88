package com.geminihealth.schemas.appointment;

import java.time.Instant;

import com.geminihealth.schemas.booking.AppointmentId;

/**
 * An appointment as it stands now: the decider writes one with every decision that
 * changes it, on a compacted topic keyed by the appointment, so the latest is kept for
 * good and any service can rebuild today's calendar, or check an appointment before
 * acting on it, however old the events that made it. After an erasure the appointment
 * stays, with its patient anonymised.
 *
 * @param appointment the appointment, as the last event about it carried it
 * @param status where it stands
 * @param changedAt when the decider made the change (the broker's time of the command)
 */
public record AppointmentState(Appointment appointment, AppointmentStatus status, Instant changedAt) {

	public AppointmentId appointmentId() {
		return this.appointment.appointmentId();
	}

}
