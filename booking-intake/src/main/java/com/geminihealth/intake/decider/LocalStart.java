package com.geminihealth.intake.decider;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

/**
 * A start asked for as wall-clock time at a location, and the UTC offset that picks one
 * of the two occurrences of a time the clocks repeat when they fall back, if the request
 * gave one. Placed in the location's zone without guessing: a time the clocks skip when
 * they spring forward is no time at all, and so is one with an offset the clocks do not
 * show then; a patient who asked for 02:30 is never booked at 03:30.
 *
 * @param local the wall-clock time asked for
 * @param offset the offset asked for, or null for the first occurrence of a repeated time
 */
record LocalStart(LocalDateTime local, ZoneOffset offset) {

	/**
	 * The instant asked for at {@code zone}, or empty if its clocks never show it.
	 * Without an offset, a time they show twice is the first occurrence, as the contract
	 * says.
	 */
	Optional<ZonedDateTime> in(ZoneId zone) {
		List<ZoneOffset> shown = zone.getRules().getValidOffsets(this.local);
		if (shown.isEmpty() || (this.offset != null && !shown.contains(this.offset))) {
			return Optional.empty();
		}
		ZoneOffset chosen = (this.offset != null) ? this.offset : shown.get(0);
		return Optional.of(ZonedDateTime.ofStrict(this.local, chosen, zone));
	}

	/**
	 * Where to look for open slots around, for alternatives: the start itself, or, for a
	 * time the clocks skip, the moment they jump past it, so that the hour before the
	 * jump and the hour after it are equally near.
	 */
	Instant searchedAround(ZoneId zone) {
		return in(zone).map(ZonedDateTime::toInstant).orElseGet(() -> WallClock.firstReaching(this.local, zone));
	}

}
