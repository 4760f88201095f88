package com.geminihealth.dashboard.schedule;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.util.StringUtils;

import com.geminihealth.platform.clinic.ClinicProperties;
import com.geminihealth.schemas.booking.LocationId;
import com.geminihealth.schemas.booking.PractitionerId;
import com.geminihealth.schemas.schedule.ScheduleChanged;

/**
 * What the front desk typed into the schedule-change form, as typed, so a form with a
 * mistake comes back filled in, with a message beside each field that needs one. Checked
 * against the same catalogue the decider uses, so what the form accepts the decider
 * applies.
 *
 * @param practitioner the practitioner's id
 * @param date the day, yyyy-mm-dd
 * @param kind TIME_OFF, BREAK or CHANGED_DAY
 * @param location where a changed day is worked
 * @param start first minute, HH:mm (none for a whole day off)
 * @param end last minute, HH:mm
 */
record ScheduleChangeForm(String practitioner, String date, String kind, String location, String start, String end) {

	static ScheduleChangeForm empty() {
		return new ScheduleChangeForm(null, null, ScheduleChanged.Kind.TIME_OFF.name(), null, null, null);
	}

	/**
	 * The problem with each field, by field name; empty when the change can be entered.
	 * {@code today} is the clinic's date: a past day cannot be changed.
	 */
	Map<String, String> problems(ClinicProperties clinic, LocalDate today) {
		Map<String, String> problems = new LinkedHashMap<>();
		if (!StringUtils.hasText(this.practitioner) || !clinic.practitioners().containsKey(this.practitioner)) {
			problems.put("practitioner", "Choose a practitioner.");
		}
		LocalDate day = parsedDate();
		if (day == null) {
			problems.put("date", "Enter the day as yyyy-mm-dd.");
		}
		else if (day.isBefore(today)) {
			problems.put("date", "Choose today or a later day.");
		}
		ScheduleChanged.Kind kind = parsedKind();
		if (kind == null) {
			problems.put("kind", "Choose time off, a break or a changed day.");
			return problems;
		}
		if (kind == ScheduleChanged.Kind.CHANGED_DAY
				&& (!StringUtils.hasText(this.location) || !clinic.locations().containsKey(this.location))) {
			problems.put("location", "Choose where they work that day.");
		}
		LocalTime from = time(this.start);
		LocalTime until = time(this.end);
		boolean wholeDay = kind == ScheduleChanged.Kind.TIME_OFF && !StringUtils.hasText(this.start)
				&& !StringUtils.hasText(this.end);
		if (!wholeDay) {
			if (from == null) {
				problems.put("start",
						(kind == ScheduleChanged.Kind.TIME_OFF)
								? "Enter the start as HH:mm, or leave both times empty for the whole day."
								: "Enter the start as HH:mm.");
			}
			if (until == null) {
				problems.put("end",
						(kind == ScheduleChanged.Kind.TIME_OFF)
								? "Enter the end as HH:mm, or leave both times empty for the whole day."
								: "Enter the end as HH:mm.");
			}
			else if (from != null && !from.isBefore(until)) {
				problems.put("end", "Enter an end after the start.");
			}
		}
		return problems;
	}

	/** The change, once {@link #problems} found none. */
	ScheduleChanged change(String by, Instant at) {
		ScheduleChanged.Kind kind = parsedKind();
		return new ScheduleChanged(new PractitionerId(this.practitioner), parsedDate(), kind,
				(kind == ScheduleChanged.Kind.CHANGED_DAY) ? new LocationId(this.location) : null, time(this.start),
				time(this.end), by, at);
	}

	private LocalDate parsedDate() {
		try {
			return StringUtils.hasText(this.date) ? LocalDate.parse(this.date.strip()) : null;
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	private ScheduleChanged.Kind parsedKind() {
		try {
			return StringUtils.hasText(this.kind) ? ScheduleChanged.Kind.valueOf(this.kind) : null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static LocalTime time(String typed) {
		try {
			return StringUtils.hasText(typed) ? LocalTime.parse(typed.strip()) : null;
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

}
