package com.geminihealth.schemas.appointment;

import com.geminihealth.schemas.booking.AppointmentId;
import com.geminihealth.schemas.booking.CommandId;

/**
 * A command named an appointment it cannot apply to: unknown, already cancelled, or
 * already completed. {@code command} is the command's type name, {@code detail} a
 * sentence for a person.
 */
public record CommandRejected(CommandId commandId, AppointmentId appointmentId, String command, Reason reason,
		String detail) implements AppointmentEvent {

	public enum Reason {

		UNKNOWN_APPOINTMENT, ALREADY_CANCELLED, ALREADY_COMPLETED, ALREADY_NO_SHOW

	}

}
