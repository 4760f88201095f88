package com.geminihealth.intake.decider;

import com.geminihealth.schemas.booking.BookingCommand;
import com.geminihealth.schemas.booking.LocationId;

/**
 * A booking command record after its contract check: either the command, or the original
 * bytes to dead-letter.
 */
record CheckedCommand(LocationId location, BookingCommand command, byte[] original) {

	static CheckedCommand kept(LocationId location, BookingCommand command) {
		return new CheckedCommand(location, command, null);
	}

	static CheckedCommand broken(byte[] original) {
		return new CheckedCommand(null, null, original);
	}

	boolean valid() {
		return this.command != null;
	}

}
