package com.geminihealth.schemas.booking;

import com.geminihealth.schemas.Redact;

/**
 * Records that a session took place. {@code homeCareNotes} is the therapist's advice for
 * the thank-you message; when absent the service's configured advice is used.
 */
public record MarkCompleted(CommandId commandId, LocationId location, AppointmentId appointmentId, String homeCareNotes,
		Author author) implements BookingCommand {

	/** A completion whose author is not recorded. */
	public MarkCompleted(CommandId commandId, LocationId location, AppointmentId appointmentId, String homeCareNotes) {
		this(commandId, location, appointmentId, homeCareNotes, null);
	}

	@Override
	public String toString() {
		return "MarkCompleted[" + this.commandId + ", " + this.location + ", " + this.appointmentId + ", homeCareNotes="
				+ Redact.text(this.homeCareNotes) + "]";
	}

}
