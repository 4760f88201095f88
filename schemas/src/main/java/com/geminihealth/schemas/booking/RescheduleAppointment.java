package com.geminihealth.schemas.booking;

import java.time.LocalDateTime;

/**
 * Moves an appointment. Atomic: the new slot is confirmed before the old one is freed.
 * {@code practitioner} is null to keep the current one.
 */
public record RescheduleAppointment(CommandId commandId, LocationId location, AppointmentId appointmentId,
		LocalDateTime newStart, PractitionerId practitioner) implements BookingCommand {
}
