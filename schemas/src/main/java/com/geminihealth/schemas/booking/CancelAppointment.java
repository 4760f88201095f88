package com.geminihealth.schemas.booking;

/** Cancels an appointment and frees its slot. {@code reason} is optional. */
public record CancelAppointment(CommandId commandId, LocationId location, AppointmentId appointmentId,
		String reason) implements BookingCommand {
}
