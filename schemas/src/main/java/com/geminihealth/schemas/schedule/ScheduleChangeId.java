package com.geminihealth.schemas.schedule;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import com.geminihealth.schemas.Id;
import com.geminihealth.schemas.booking.Ids;

/**
 * One change to a practitioner's hours on one date:
 * {@code <practitioner>/<date>/<change>}. A changed day is {@code day}, so a second one
 * for the same date replaces the first, as a changed day replaces the hours; time off and
 * breaks are named by their hours ({@code off-0900-1200}, {@code break-1230-1315},
 * {@code off} for the whole day), so a day may hold several, entering the same one twice
 * changes nothing, and every reader knows a change's key from the change itself. Every
 * change of a practitioner's day shares the {@link #dayPrefix day's prefix}, so a reader
 * finds them with one range scan.
 */
public record ScheduleChangeId(@JsonValue String value) implements Id {

	private static final DateTimeFormatter HOURS = DateTimeFormatter.ofPattern("HHmm");

	/** The last part of a changed day's id: one per practitioner and date. */
	public static final String CHANGED_DAY = "day";

	@JsonCreator
	public ScheduleChangeId {
		Ids.requireText(value, "schedule change id");
		if (value.split("/", -1).length != 3) {
			throw new IllegalArgumentException("a schedule change id is <practitioner>/<date>/<change>");
		}
	}

	/** The id of {@code change}: its date's one changed day, or its time off or break. */
	public static ScheduleChangeId of(ScheduleChanged change) {
		return new ScheduleChangeId(dayPrefix(change.practitioner().value(), change.date()) + name(change));
	}

	private static String name(ScheduleChanged change) {
		return switch (change.kind()) {
			case CHANGED_DAY -> CHANGED_DAY;
			case TIME_OFF -> change.wholeDay() ? "off" : "off-" + hours(change);
			case BREAK -> "break-" + hours(change);
		};
	}

	private static String hours(ScheduleChanged change) {
		return HOURS.format(change.start()) + "-" + HOURS.format(change.end());
	}

	/** What the ids of every change of {@code practitioner}'s {@code date} start with. */
	public static String dayPrefix(String practitioner, LocalDate date) {
		return practitioner + "/" + date + "/";
	}

}
