package com.geminihealth.schemas.booking;

import java.time.LocalDateTime;

/**
 * Moves an appointment. Atomic: the new slot is confirmed before the old one is freed.
 * {@code practitioner} is null to keep the current one.
 */
public record RescheduleAppointment(CommandId commandId, LocationId location, AppointmentId appointmentId,
		LocalDateTime newStart, PractitionerId practitioner, Author author) implements BookingCommand {

	/** A move whose author is not recorded. */
	public RescheduleAppointment(CommandId commandId, LocationId location, AppointmentId appointmentId,
			LocalDateTime newStart, PractitionerId practitioner) {
		this(commandId, location, appointmentId, newStart, practitioner, null);
	}

}
