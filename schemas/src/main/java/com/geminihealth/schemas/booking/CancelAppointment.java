package com.geminihealth.schemas.booking;

import com.geminihealth.schemas.Redact;

/** Cancels an appointment and frees its slot. {@code reason} is optional. */
public record CancelAppointment(CommandId commandId, LocationId location, AppointmentId appointmentId,
		String reason) implements BookingCommand {

	@Override
	public String toString() {
		return "CancelAppointment[" + this.commandId + ", " + this.location + ", " + this.appointmentId + ", reason="
				+ Redact.text(this.reason) + "]";
	}

}
