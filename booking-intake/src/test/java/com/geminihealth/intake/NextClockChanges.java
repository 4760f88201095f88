package com.geminihealth.intake;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;

/**
 * Times around the next nights Toronto's clocks change, always ahead, so that tests of
 * the doors, which refuse past times, do not age: 2027's, then the following years'.
 */
public final class NextClockChanges {

	static final ZoneId TORONTO = ZoneId.of("America/Toronto");

	private NextClockChanges() {
	}

	/** 02:30 on the next night the clocks spring forward: a time they skip. */
	public static LocalDateTime skippedTime() {
		return next(true).getDateTimeBefore().plusMinutes(30);
	}

	/** 01:30 on the next night the clocks fall back: a time they show twice. */
	public static LocalDateTime repeatedTime() {
		return next(false).getDateTimeAfter().plusMinutes(30);
	}

	private static ZoneOffsetTransition next(boolean gap) {
		ZoneOffsetTransition transition = TORONTO.getRules().nextTransition(Instant.now());
		while (transition.isGap() != gap) {
			transition = TORONTO.getRules().nextTransition(transition.getInstant());
		}
		return transition;
	}

}
