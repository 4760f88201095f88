package com.geminihealth.schemas.booking;

import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Moves an appointment. Atomic: the new slot is confirmed before the old one is freed.
 * {@code practitioner} is null to keep the current one. {@code newStart} is wall-clock
 * time at the location and {@code newOffset}, optional, picks one occurrence of a time
 * the clocks repeat, as on {@link BookAppointment}.
 */
public record RescheduleAppointment(CommandId commandId, LocationId location, AppointmentId appointmentId,
		LocalDateTime newStart, PractitionerId practitioner, Author author,
		ZoneOffset newOffset) implements BookingCommand {

	/** A move whose author is not recorded. */
	public RescheduleAppointment(CommandId commandId, LocationId location, AppointmentId appointmentId,
			LocalDateTime newStart, PractitionerId practitioner) {
		this(commandId, location, appointmentId, newStart, practitioner, null, null);
	}

	/** A move that leaves a repeated time to its first occurrence. */
	public RescheduleAppointment(CommandId commandId, LocationId location, AppointmentId appointmentId,
			LocalDateTime newStart, PractitionerId practitioner, Author author) {
		this(commandId, location, appointmentId, newStart, practitioner, author, null);
	}

}
