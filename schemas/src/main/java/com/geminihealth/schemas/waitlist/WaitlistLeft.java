package com.geminihealth.schemas.waitlist;

import java.time.Instant;

/**
 * A patient is no longer on the waitlist: booked from it, their window has passed, or the
 * decider refused the entry (a location, service or practitioner the clinic does not
 * have, or a window already over).
 */
public record WaitlistLeft(WaitlistEntryId entryId, Reason reason, Instant at) implements WaitlistEvent {

	/** Why the entry ended. */
	public enum Reason {

		BOOKED, WINDOW_PASSED, REFUSED

	}

}
