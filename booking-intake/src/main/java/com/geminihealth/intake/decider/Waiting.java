package com.geminihealth.intake.decider;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.geminihealth.schemas.waitlist.WaitlistJoined;

/**
 * A patient in line on a waitlist, as the decider keeps them.
 *
 * @param joined what they asked for
 * @param offer the offer (appointment id) open for them now, if any: one at a time
 * @param passed the slots ({@link #slotKey}) offered to them that they let go: never
 * offered to them again
 */
record Waiting(WaitlistJoined joined, String offer, List<String> passed) {

	Waiting {
		passed = (passed != null) ? List.copyOf(passed) : List.of();
	}

	static Waiting of(WaitlistJoined joined) {
		return new Waiting(joined, null, List.of());
	}

	static String slotKey(String practitioner, Instant start) {
		return practitioner + "@" + start.getEpochSecond();
	}

	Waiting offered(String offer) {
		return new Waiting(this.joined, offer, this.passed);
	}

	/** The same patient, the offer of {@code slot} ended unclaimed. */
	Waiting letGo(String slot) {
		List<String> more = new ArrayList<>(this.passed);
		more.add(slot);
		return new Waiting(this.joined, null, more);
	}

	boolean waitingForOffer() {
		return this.offer == null;
	}

}
