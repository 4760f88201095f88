package com.geminihealth.schemas.booking;

import com.geminihealth.schemas.Redact;

/** Cancels an appointment and frees its slot. {@code reason} is optional. */
public record CancelAppointment(CommandId commandId, LocationId location, AppointmentId appointmentId, String reason,
		Author author) implements BookingCommand {

	/** A cancellation whose author is not recorded. */
	public CancelAppointment(CommandId commandId, LocationId location, AppointmentId appointmentId, String reason) {
		this(commandId, location, appointmentId, reason, null);
	}

	@Override
	public String toString() {
		return "CancelAppointment[" + this.commandId + ", " + this.location + ", " + this.appointmentId + ", reason="
				+ Redact.text(this.reason) + "]";
	}

}
