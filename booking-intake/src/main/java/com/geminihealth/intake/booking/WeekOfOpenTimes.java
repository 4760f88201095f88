package com.geminihealth.intake.booking;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Seven days of open times at a glance: each day with how many times are open, the times
 * of one chosen day, and the way on. A phone shows the days as a row of buttons and the
 * chosen day's times below them, rather than two hundred times at once. With anyone
 * available, a time several practitioners have open is shown once (the first of them), as
 * a patient picks a time, not a list of names.
 *
 * @param days the seven days from the first, each with its number of open times
 * @param chosen the day whose times are shown: the one asked for, else the first with
 * open times, else null
 * @param times the chosen day's open times, in the order of the day
 * @param previousWeek where the week before starts, or null when this week starts today
 * @param nextWeek where the week after starts
 * @param nextOpenDay the first day with open times after this week, when this week has
 * none; null otherwise or when none is found
 * @param none whether no day of the week has an open time
 */
record WeekOfOpenTimes(List<Day> days, LocalDate chosen, List<StatusView.SlotView> times, LocalDate previousWeek,
		LocalDate nextWeek, LocalDate nextOpenDay, boolean none) {

	static final int DAYS = 7;

	/**
	 * At most this many open times in a week are few enough for the page to offer the
	 * waitlist beside them: about one a day.
	 */
	static final int FEW = DAYS;

	/**
	 * @param first the week's first day
	 * @param asked the day the patient tapped, or null
	 * @param open the week's open slots, in any order
	 * @param today the location's today: no week before it
	 * @param zone the location's, to order times across a clock change
	 * @param nextOpenDay see the record's component
	 */
	static WeekOfOpenTimes of(LocalDate first, LocalDate asked, List<StatusView.SlotView> open, LocalDate today,
			ZoneId zone, LocalDate nextOpenDay) {
		Map<LocalDate, List<StatusView.SlotView>> byDay = new LinkedHashMap<>();
		for (int i = 0; i < DAYS; i++) {
			byDay.put(first.plusDays(i), new ArrayList<>());
		}
		open.stream()
			.sorted(Comparator.comparing((StatusView.SlotView slot) -> slot.startingAt(zone)))
			.filter((slot) -> byDay.containsKey(slot.start().toLocalDate()))
			.forEach((slot) -> {
				List<StatusView.SlotView> day = byDay.get(slot.start().toLocalDate());
				if (day.stream().noneMatch((shown) -> shown.startingAt(zone).equals(slot.startingAt(zone)))) {
					day.add(slot);
				}
			});
		List<Day> days = byDay.entrySet().stream().map((day) -> new Day(day.getKey(), day.getValue().size())).toList();
		LocalDate chosen = (asked != null && byDay.containsKey(asked)) ? asked
				: days.stream().filter((day) -> day.open() > 0).map(Day::date).findFirst().orElse(null);
		LocalDate previous = first.isAfter(today) ? max(first.minusDays(DAYS), today) : null;
		boolean empty = days.stream().allMatch((day) -> day.open() == 0);
		return new WeekOfOpenTimes(days, chosen, (chosen != null) ? byDay.get(chosen) : List.of(), previous,
				first.plusDays(DAYS), empty ? nextOpenDay : null, empty);
	}

	/**
	 * Whether the week has no or few open times, so that a patient may rather wait for a
	 * better one.
	 */
	public boolean few() {
		return this.days.stream().mapToInt(Day::open).sum() <= FEW;
	}

	private static LocalDate max(LocalDate a, LocalDate b) {
		return a.isAfter(b) ? a : b;
	}

	/**
	 * @param date the day
	 * @param open how many times are open that day
	 */
	record Day(LocalDate date, int open) {
	}

}
