package com.geminihealth.intake.booking;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WeekOfOpenTimesTest {

	static final ZoneId TORONTO = ZoneId.of("America/Toronto");

	static final LocalDate MONDAY = LocalDate.of(2026, 12, 7);

	@Test
	void showsTheFirstDayWithOpenTimesUnlessADayIsAsked() {
		List<StatusView.SlotView> open = List.of(slot(MONDAY.plusDays(2), 10, "maya-chen"),
				slot(MONDAY.plusDays(3), 9, "maya-chen"));

		WeekOfOpenTimes week = WeekOfOpenTimes.of(MONDAY, null, open, MONDAY, TORONTO, null);

		assertThat(week.days()).hasSize(7).extracting(WeekOfOpenTimes.Day::open).containsExactly(0, 0, 1, 1, 0, 0, 0);
		assertThat(week.chosen()).isEqualTo(MONDAY.plusDays(2));
		assertThat(WeekOfOpenTimes.of(MONDAY, MONDAY.plusDays(3), open, MONDAY, TORONTO, null).times())
			.extracting(StatusView.SlotView::start)
			.containsExactly(MONDAY.plusDays(3).atTime(9, 0));
	}

	@Test
	void showsATimeSeveralPractitionersHaveOpenOnceInTheOrderOfTheDay() {
		List<StatusView.SlotView> open = List.of(slot(MONDAY, 11, "daniel-okafor"), slot(MONDAY, 10, "maya-chen"),
				slot(MONDAY, 10, "daniel-okafor"));

		WeekOfOpenTimes week = WeekOfOpenTimes.of(MONDAY, null, open, MONDAY, TORONTO, null);

		assertThat(week.times()).extracting(StatusView.SlotView::start)
			.containsExactly(MONDAY.atTime(10, 0), MONDAY.atTime(11, 0));
		assertThat(week.days().get(0).open()).isEqualTo(2);
	}

	@Test
	void pointsAnEmptyWeekAtTheNextOpenDayAndGoesNoEarlierThanToday() {
		WeekOfOpenTimes empty = WeekOfOpenTimes.of(MONDAY, null, List.of(), MONDAY, TORONTO, MONDAY.plusDays(12));

		assertThat(empty.none()).isTrue();
		assertThat(empty.chosen()).isNull();
		assertThat(empty.nextOpenDay()).isEqualTo(MONDAY.plusDays(12));
		assertThat(empty.previousWeek()).isNull();
		assertThat(empty.nextWeek()).isEqualTo(MONDAY.plusDays(7));
		assertThat(WeekOfOpenTimes.of(MONDAY.plusDays(3), null, List.of(), MONDAY, TORONTO, null).previousWeek())
			.isEqualTo(MONDAY);
	}

	private static StatusView.SlotView slot(LocalDate day, int hour, String practitioner) {
		LocalDateTime start = day.atTime(hour, 0);
		return new StatusView.SlotView(start, start.plusHours(1), practitioner, practitioner, null);
	}

}
