package com.geminihealth.schemas.appointment;

import java.time.LocalDateTime;
import java.util.List;

import com.geminihealth.schemas.booking.AppointmentId;
import com.geminihealth.schemas.booking.CommandId;

/** A reschedule could not be met; the appointment keeps its current slot. */
public record RescheduleDeclined(CommandId commandId, Appointment appointment, LocalDateTime requestedStart,
		DeclineReason reason, List<Slot> alternatives) implements AppointmentEvent {

	public RescheduleDeclined {
		alternatives = (alternatives != null) ? List.copyOf(alternatives) : List.of();
	}

	@Override
	public AppointmentId appointmentId() {
		return this.appointment.appointmentId();
	}

}
