package com.geminihealth.intake.decider;

import com.geminihealth.schemas.appointment.CommandRejected;
import com.geminihealth.schemas.booking.BookingCommand;
import com.geminihealth.schemas.booking.LocationId;

/**
 * A booking command record after its contract check: either the command, or the original
 * bytes to dead-letter with, when its sender can be named, the rejection that answers
 * them.
 */
record CheckedCommand(LocationId location, BookingCommand command, byte[] original, CommandRejected rejection) {

	static CheckedCommand kept(LocationId location, BookingCommand command) {
		return new CheckedCommand(location, command, null, null);
	}

	static CheckedCommand broken(byte[] original, CommandRejected rejection) {
		return new CheckedCommand(null, null, original, rejection);
	}

	boolean valid() {
		return this.command != null;
	}

}
