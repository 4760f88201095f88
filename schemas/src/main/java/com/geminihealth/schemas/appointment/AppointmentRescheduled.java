package com.geminihealth.schemas.appointment;

import com.geminihealth.schemas.booking.Author;
import java.time.Instant;

import com.geminihealth.schemas.booking.AppointmentId;
import com.geminihealth.schemas.booking.CommandId;
import com.geminihealth.schemas.booking.PractitionerId;

/** An appointment moved; {@code appointment} is the new state, with a higher sequence. */
public record AppointmentRescheduled(CommandId commandId, Appointment appointment, Instant previousStart,
		PractitionerId previousPractitioner, Author author) implements AppointmentEvent {

	/** A move whose author is not recorded. */
	public AppointmentRescheduled(CommandId commandId, Appointment appointment, Instant previousStart,
			PractitionerId previousPractitioner) {
		this(commandId, appointment, previousStart, previousPractitioner, null);
	}

	@Override
	public AppointmentId appointmentId() {
		return this.appointment.appointmentId();
	}

}
