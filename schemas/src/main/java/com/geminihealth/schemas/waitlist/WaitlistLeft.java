package com.geminihealth.schemas.waitlist;

import java.time.Instant;

/** A patient is no longer on the waitlist: booked from it, or their window has passed. */
public record WaitlistLeft(WaitlistEntryId entryId, Reason reason, Instant at) implements WaitlistEvent {

	/** Why the entry ended. */
	public enum Reason {

		BOOKED, WINDOW_PASSED

	}

}
