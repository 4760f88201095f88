package com.geminihealth.schemas.appointment;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

import com.geminihealth.schemas.booking.AppointmentId;
import com.geminihealth.schemas.booking.CommandId;

/**
 * A reschedule could not be met; the appointment keeps its current slot.
 * {@code requestedOffset} is the offset the move came with, if any.
 */
public record RescheduleDeclined(CommandId commandId, Appointment appointment, LocalDateTime requestedStart,
		DeclineReason reason, List<Slot> alternatives, ZoneOffset requestedOffset) implements AppointmentEvent {

	public RescheduleDeclined {
		alternatives = (alternatives != null) ? List.copyOf(alternatives) : List.of();
	}

	/** A decline of a move that came without an offset. */
	public RescheduleDeclined(CommandId commandId, Appointment appointment, LocalDateTime requestedStart,
			DeclineReason reason, List<Slot> alternatives) {
		this(commandId, appointment, requestedStart, reason, alternatives, null);
	}

	@Override
	public AppointmentId appointmentId() {
		return this.appointment.appointmentId();
	}

}
