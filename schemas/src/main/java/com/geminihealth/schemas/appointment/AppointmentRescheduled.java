package com.geminihealth.schemas.appointment;

import java.time.Instant;

import com.geminihealth.schemas.booking.AppointmentId;
import com.geminihealth.schemas.booking.CommandId;
import com.geminihealth.schemas.booking.PractitionerId;

/** An appointment moved; {@code appointment} is the new state, with a higher sequence. */
public record AppointmentRescheduled(CommandId commandId, Appointment appointment, Instant previousStart,
		PractitionerId previousPractitioner) implements AppointmentEvent {

	@Override
	public AppointmentId appointmentId() {
		return this.appointment.appointmentId();
	}

}
