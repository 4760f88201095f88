package com.geminihealth.notifications.sms;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class QuietHoursTest {

	static final ZoneId TORONTO = ZoneId.of("America/Toronto");

	@Test
	void runFromNineAtNightUntilEightInTheMorningLocalTime() {
		QuietHours quiet = QuietHours.DEFAULT;

		assertThat(quiet.contain(at(20, 59), TORONTO)).isFalse();
		assertThat(quiet.contain(at(21, 0), TORONTO)).isTrue();
		assertThat(quiet.contain(at(23, 59), TORONTO)).isTrue();
		assertThat(quiet.contain(at(0, 0), TORONTO)).isTrue();
		assertThat(quiet.contain(at(7, 59), TORONTO)).isTrue();
		assertThat(quiet.contain(at(8, 0), TORONTO)).isFalse();
		assertThat(quiet.contain(at(12, 0), TORONTO)).isFalse();
	}

	@Test
	void followTheLocalClockOnTheDayItFallsBack() {
		// 2026-11-01 01:30 happens twice in Toronto; both are quiet, and 08:00 is not.
		LocalDate fallBack = LocalDate.of(2026, 11, 1);
		assertThat(QuietHours.DEFAULT
			.contain(fallBack.atTime(1, 30).atZone(TORONTO).withEarlierOffsetAtOverlap().toInstant(), TORONTO))
			.isTrue();
		assertThat(QuietHours.DEFAULT
			.contain(fallBack.atTime(1, 30).atZone(TORONTO).withLaterOffsetAtOverlap().toInstant(), TORONTO)).isTrue();
		assertThat(QuietHours.DEFAULT.contain(fallBack.atTime(8, 0).atZone(TORONTO).toInstant(), TORONTO)).isFalse();
	}

	@Test
	void canRunWithinOneDayOrNotAtAll() {
		QuietHours afternoon = new QuietHours(LocalTime.of(12, 0), LocalTime.of(13, 0));
		QuietHours none = new QuietHours(LocalTime.of(9, 0), LocalTime.of(9, 0));

		assertThat(afternoon.contain(at(12, 30), TORONTO)).isTrue();
		assertThat(afternoon.contain(at(13, 0), TORONTO)).isFalse();
		assertThat(none.contain(at(9, 0), TORONTO)).isFalse();
		assertThat(none.contain(at(23, 0), TORONTO)).isFalse();
	}

	@Test
	void endAtEightTheNextMorningForATextAtNineAtNightAndTheSameMorningAfterMidnight() {
		Instant nextMorning = LocalDate.of(2026, 12, 2).atTime(8, 0).atZone(TORONTO).toInstant();

		assertThat(QuietHours.DEFAULT.endAfter(at(21, 0), TORONTO)).isEqualTo(nextMorning);
		assertThat(QuietHours.DEFAULT.endAfter(at(2, 0).plusSeconds(86_400), TORONTO)).isEqualTo(nextMorning);
	}

	@Test
	void endAtEightLocalTimeAcrossTheNightTheClocksGoBack() {
		LocalDate fallBack = LocalDate.of(2026, 11, 1);
		Instant night = fallBack.minusDays(1).atTime(22, 0).atZone(TORONTO).toInstant();

		assertThat(QuietHours.DEFAULT.endAfter(night, TORONTO).atZone(TORONTO).toLocalDateTime())
			.isEqualTo(fallBack.atTime(8, 0));
	}

	private static Instant at(int hour, int minute) {
		return LocalDate.of(2026, 12, 1).atTime(hour, minute).atZone(TORONTO).toInstant();
	}

}
