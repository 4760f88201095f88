package com.geminihealth.reminders.policy;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class QuietHoursTest {

	static final ZoneId TORONTO = ZoneId.of("America/Toronto");

	/** 22:00 in Toronto. */
	static final Instant LATE_EVENING = Instant.parse("2026-12-08T03:00:00Z");

	@Test
	void movesATextDueAtNightToTheMinuteBeforeQuietHours() {
		QuietHours nights = new QuietHours(LocalTime.of(21, 0), LocalTime.of(8, 0));

		assertThat(nights.adjust(LATE_EVENING, TORONTO)).isEqualTo(Instant.parse("2026-12-08T01:59:00Z"));
	}

	@Test
	void leavesEveryTextAloneWhenTheWindowEndsWhereItStarts() {
		QuietHours none = new QuietHours(LocalTime.of(21, 0), LocalTime.of(21, 0));

		assertThat(none.adjust(LATE_EVENING, TORONTO)).isEqualTo(LATE_EVENING);
	}

}
