package com.geminihealth.schemas.appointment;

import com.geminihealth.schemas.booking.Author;
import com.geminihealth.schemas.Redact;
import com.geminihealth.schemas.booking.AppointmentId;
import com.geminihealth.schemas.booking.CommandId;

/** The session took place. {@code homeCareNotes} is the therapist's advice, if given. */
public record AppointmentCompleted(CommandId commandId, Appointment appointment, String homeCareNotes,
		Author author) implements AppointmentEvent {

	/** A completion whose author is not recorded. */
	public AppointmentCompleted(CommandId commandId, Appointment appointment, String homeCareNotes) {
		this(commandId, appointment, homeCareNotes, null);
	}

	@Override
	public AppointmentId appointmentId() {
		return this.appointment.appointmentId();
	}

	@Override
	public String toString() {
		return "AppointmentCompleted[" + this.commandId + ", " + this.appointment + ", homeCareNotes="
				+ Redact.text(this.homeCareNotes) + "]";
	}

}
