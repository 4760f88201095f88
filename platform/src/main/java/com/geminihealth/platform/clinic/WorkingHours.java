package com.geminihealth.platform.clinic;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import com.geminihealth.schemas.schedule.ScheduleChanged;

/**
 * A practitioner's working hours on one date at one location: the catalogue's weekly
 * hours, with the front desk's changes of that date applied. The decider books only
 * inside them, and the dashboard lists the appointments that fall outside them, so both
 * ask this one class and cannot disagree about what a change means.
 * <p>
 * A changed day replaces the hours of its date everywhere (a holiday or day off of the
 * catalogue included): the practitioner works that day only at its location, from its
 * start to its end. Time off and breaks are then taken out of whatever hours remain; time
 * off without a start and end takes the whole day.
 */
public final class WorkingHours {

	private WorkingHours() {
	}

	/**
	 * The stretches of {@code date} during which {@code practitioner} works at
	 * {@code location}, in time order; empty when they do not work there that day.
	 * {@code changes} are the practitioner's changes of that date (others are ignored).
	 */
	public static List<ClinicProperties.Shift> of(ClinicProperties.Practitioner practitioner, String practitionerId,
			String location, LocalDate date, Collection<ScheduleChanged> changes) {
		List<ScheduleChanged> ofTheDay = changes.stream()
			.filter((change) -> change.practitioner().value().equals(practitionerId) && change.date().equals(date))
			.toList();
		if (ofTheDay.stream().anyMatch(ScheduleChanged::wholeDay)) {
			return List.of();
		}
		List<ClinicProperties.Shift> hours = new ArrayList<>(base(practitioner, location, date, ofTheDay));
		ofTheDay.stream()
			.filter((change) -> change.kind() != ScheduleChanged.Kind.CHANGED_DAY)
			.forEach((away) -> takeOut(hours, away.start(), away.end()));
		hours.sort(Comparator.comparing(ClinicProperties.Shift::start));
		return List.copyOf(hours);
	}

	/**
	 * Whether the whole of {@code start} to {@code end} lies inside one stretch of
	 * {@code hours}.
	 */
	public static boolean covers(List<ClinicProperties.Shift> hours, LocalTime start, LocalTime end) {
		return hours.stream().anyMatch((shift) -> !start.isBefore(shift.start()) && !end.isAfter(shift.end()));
	}

	private static List<ClinicProperties.Shift> base(ClinicProperties.Practitioner practitioner, String location,
			LocalDate date, List<ScheduleChanged> ofTheDay) {
		// The latest changed day stands: its key admits one per date, and a reader may
		// briefly see two while a replacement is on its way.
		Optional<ScheduleChanged> changedDay = ofTheDay.stream()
			.filter((change) -> change.kind() == ScheduleChanged.Kind.CHANGED_DAY)
			.max(Comparator.comparing(ScheduleChanged::at, Comparator.nullsFirst(Comparator.naturalOrder())));
		if (changedDay.isPresent()) {
			ScheduleChanged day = changedDay.get();
			return day.location().value().equals(location) ? List.of(new ClinicProperties.Shift(day.start(), day.end()))
					: List.of();
		}
		return practitioner.shift(location, date).map(List::of).orElse(List.of());
	}

	private static void takeOut(List<ClinicProperties.Shift> hours, LocalTime from, LocalTime until) {
		List<ClinicProperties.Shift> left = new ArrayList<>();
		for (ClinicProperties.Shift shift : hours) {
			if (!from.isBefore(shift.end()) || !until.isAfter(shift.start())) {
				left.add(shift);
				continue;
			}
			if (shift.start().isBefore(from)) {
				left.add(new ClinicProperties.Shift(shift.start(), from));
			}
			if (until.isBefore(shift.end())) {
				left.add(new ClinicProperties.Shift(until, shift.end()));
			}
		}
		hours.clear();
		hours.addAll(left);
	}

}
