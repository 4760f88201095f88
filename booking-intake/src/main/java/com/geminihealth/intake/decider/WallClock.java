package com.geminihealth.intake.decider;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;

/**
 * When a location's clocks show a time. {@code LocalDateTime.atZone} answers a time the
 * clocks skip with a time an hour later, and a time they repeat with its first
 * occurrence; for the edges of a practitioner's hours "when the clocks first reach it" is
 * the answer wanted, and it differs from the first inside the skipped hour.
 */
final class WallClock {

	private WallClock() {
	}

	/**
	 * The first instant at which the clocks at {@code zone} show {@code local} or later:
	 * for a time they skip, the moment they jump past it; for a time they repeat, its
	 * first occurrence.
	 */
	static Instant firstReaching(LocalDateTime local, ZoneId zone) {
		ZoneOffsetTransition transition = zone.getRules().getTransition(local);
		if (transition != null && transition.isGap()) {
			return transition.getInstant();
		}
		return ZonedDateTime.ofLocal(local, zone, null).toInstant();
	}

	/** Whether the clocks at {@code zone} show {@code local} twice. */
	static boolean repeats(LocalDateTime local, ZoneId zone) {
		return zone.getRules().getValidOffsets(local).size() > 1;
	}

}
