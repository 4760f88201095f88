package com.geminihealth.schemas.schedule;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

import com.geminihealth.schemas.booking.LocationId;
import com.geminihealth.schemas.booking.PractitionerId;

/**
 * The front desk changed a practitioner's hours on one date, on top of the weekly hours
 * the clinic catalogue gives them. Keyed by {@link ScheduleChangeId} on a compacted
 * topic: each change stays until a tombstone on its key takes it back. Times are the
 * location's wall-clock time on {@code date}.
 *
 * @param practitioner whose hours change
 * @param date the day changed, in the location's calendar
 * @param kind time off, a break, or a changed day
 * @param location where they work that day (a changed day only)
 * @param start when the time off or break starts, or the changed day's first minute;
 * absent for a whole day off
 * @param end when it ends, or when the changed day's last appointment must be over;
 * absent for a whole day off
 * @param by the signed-in front-desk user who entered it
 * @param at when
 */
public record ScheduleChanged(PractitionerId practitioner, LocalDate date, Kind kind, LocationId location,
		LocalTime start, LocalTime end, String by, Instant at) {

	public ScheduleChanged {
		if (practitioner == null || date == null || kind == null) {
			throw new IllegalArgumentException("a schedule change needs a practitioner, a date and a kind");
		}
		if ((start == null) != (end == null)) {
			throw new IllegalArgumentException("a schedule change has both a start and an end, or neither");
		}
		if (start != null && !start.isBefore(end)) {
			throw new IllegalArgumentException("a schedule change must start before it ends");
		}
		if (kind != Kind.TIME_OFF && start == null) {
			throw new IllegalArgumentException("a break and a changed day need a start and an end");
		}
		if (kind == Kind.CHANGED_DAY && location == null) {
			throw new IllegalArgumentException("a changed day names its location");
		}
	}

	/** Whether this takes the whole day off. */
	public boolean wholeDay() {
		return this.kind == Kind.TIME_OFF && this.start == null;
	}

	/** What kind of change. */
	public enum Kind {

		/** Not working: the whole day, or from start to end. */
		TIME_OFF,

		/** A pause from start to end inside the day's hours. */
		BREAK,

		/** The hours of this date, at one location, instead of the weekly ones. */
		CHANGED_DAY

	}

}
