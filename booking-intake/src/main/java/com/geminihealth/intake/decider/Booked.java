package com.geminihealth.intake.decider;

import java.time.Instant;

/**
 * A practitioner's time taken by an appointment: from its start until its end plus the
 * service's buffer, when the next patient may start.
 */
record Booked(String appointmentId, Instant start, Instant occupiedUntil) {

	boolean overlaps(Instant from, Instant until) {
		return this.start.isBefore(until) && from.isBefore(this.occupiedUntil);
	}

}
