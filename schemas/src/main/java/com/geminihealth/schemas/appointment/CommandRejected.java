package com.geminihealth.schemas.appointment;

import com.geminihealth.schemas.booking.AppointmentId;
import com.geminihealth.schemas.booking.CommandId;

/**
 * A command the decider refused: it named an appointment it cannot apply to (unknown,
 * already cancelled, completed or marked a no-show), or it broke the contract. Keyed by
 * the appointment the command named; a booking request's rejection by its request id,
 * which is that id too. {@code commandId} is absent for a booking request, which has
 * none, and when the command's own could not be read. {@code command} is the command's
 * type name, {@code detail} a sentence for a person.
 */
public record CommandRejected(CommandId commandId, AppointmentId appointmentId, String command, Reason reason,
		String detail) implements AppointmentEvent {

	public enum Reason {

		UNKNOWN_APPOINTMENT, ALREADY_CANCELLED, ALREADY_COMPLETED, ALREADY_NO_SHOW,

		/** The command broke the contract; {@code detail} names each problem. */
		INVALID_COMMAND

	}

}
