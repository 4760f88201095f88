package com.geminihealth.platform.clinic;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.geminihealth.schemas.booking.LocationId;
import com.geminihealth.schemas.booking.PractitionerId;
import com.geminihealth.schemas.schedule.ScheduleChanged;
import com.geminihealth.schemas.schedule.ScheduleChanged.Kind;

import static org.assertj.core.api.Assertions.assertThat;

class WorkingHoursTest {

	/** A Monday Ana works downtown 09:00-17:00. */
	private static final LocalDate MONDAY = LocalDate.of(2027, 1, 4);

	private static final ClinicProperties.Practitioner ANA = new ClinicProperties.Practitioner("Ana Silva",
			Set.of("rmt"), Map.of("downtown", Map.of(DayOfWeek.MONDAY, shift(9, 17))), List.of());

	@Test
	void withoutChangesTheWeeklyHoursStand() {
		assertThat(hours("downtown")).containsExactly(shift(9, 17));
		assertThat(hours("uptown")).isEmpty();
	}

	@Test
	void aBreakSplitsTheDay() {
		assertThat(hours("downtown", change(Kind.BREAK, null, 12, 13))).containsExactly(shift(9, 12), shift(13, 17));
	}

	@Test
	void timeOffWithoutHoursTakesTheWholeDay() {
		assertThat(hours("downtown", change(Kind.TIME_OFF, null, -1, -1))).isEmpty();
	}

	@Test
	void timeOffAtTheEdgeShortensTheDay() {
		assertThat(hours("downtown", change(Kind.TIME_OFF, null, 8, 10), change(Kind.TIME_OFF, null, 15, 18)))
			.containsExactly(shift(10, 15));
	}

	@Test
	void aChangedDayReplacesTheHoursEverywhere() {
		ScheduleChanged uptownAfternoon = change(Kind.CHANGED_DAY, "uptown", 13, 19);

		assertThat(hours("downtown", uptownAfternoon)).isEmpty();
		assertThat(hours("uptown", uptownAfternoon)).containsExactly(shift(13, 19));
		assertThat(hours("uptown", uptownAfternoon, change(Kind.BREAK, null, 15, 16))).containsExactly(shift(13, 15),
				shift(16, 19));
	}

	@Test
	void anotherDaysChangesDoNotCount() {
		ScheduleChanged tuesdayOff = new ScheduleChanged(new PractitionerId("ana"), MONDAY.plusDays(1), Kind.TIME_OFF,
				null, null, null, "amira", Instant.EPOCH);

		assertThat(hours("downtown", tuesdayOff)).containsExactly(shift(9, 17));
	}

	@Test
	void coversOnlyWhatLiesInsideOneStretch() {
		List<ClinicProperties.Shift> split = List.of(shift(9, 12), shift(13, 17));

		assertThat(WorkingHours.covers(split, LocalTime.of(11, 0), LocalTime.of(12, 0))).isTrue();
		assertThat(WorkingHours.covers(split, LocalTime.of(11, 30), LocalTime.of(12, 30))).isFalse();
	}

	private static List<ClinicProperties.Shift> hours(String location, ScheduleChanged... changes) {
		return WorkingHours.of(ANA, "ana", location, MONDAY, List.of(changes));
	}

	private static ScheduleChanged change(Kind kind, String location, int from, int to) {
		return new ScheduleChanged(new PractitionerId("ana"), MONDAY, kind,
				(location != null) ? new LocationId(location) : null, (from >= 0) ? LocalTime.of(from, 0) : null,
				(to >= 0) ? LocalTime.of(to, 0) : null, "amira", Instant.EPOCH);
	}

	private static ClinicProperties.Shift shift(int from, int to) {
		return new ClinicProperties.Shift(LocalTime.of(from, 0), LocalTime.of(to, 0));
	}

}
