package com.geminihealth.schemas.appointment;

import com.geminihealth.schemas.booking.Author;
import com.geminihealth.schemas.Redact;
import com.geminihealth.schemas.booking.AppointmentId;
import com.geminihealth.schemas.booking.CommandId;

/**
 * An appointment was cancelled and its slot freed. {@code reason} is optional;
 * {@code late} when it came inside the clinic's notice for changes (see the clinic
 * policy), as a late-cancellation fee may follow; {@code author} says who cancelled.
 */
public record AppointmentCancelled(CommandId commandId, Appointment appointment, String reason, Boolean late,
		Author author) implements AppointmentEvent {

	public AppointmentCancelled {
		late = Boolean.TRUE.equals(late);
	}

	/** A cancellation in good time whose author is not recorded. */
	public AppointmentCancelled(CommandId commandId, Appointment appointment, String reason) {
		this(commandId, appointment, reason, false, null);
	}

	@Override
	public AppointmentId appointmentId() {
		return this.appointment.appointmentId();
	}

	@Override
	public String toString() {
		return "AppointmentCancelled[" + this.commandId + ", " + this.appointment + ", reason="
				+ Redact.text(this.reason) + "]";
	}

}
