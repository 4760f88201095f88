package com.geminihealth.schemas.waitlist;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

/**
 * The days and times a patient on a waitlist can come, in the location's wall-clock time:
 * from {@code firstDay} to {@code lastDay} inclusive, and, when given, starting no
 * earlier than {@code earliest} and no later than {@code latest} on those days.
 */
public record WaitlistWindow(LocalDate firstDay, LocalDate lastDay, LocalTime earliest, LocalTime latest) {

	public WaitlistWindow {
		if (firstDay == null || lastDay == null || lastDay.isBefore(firstDay)) {
			throw new IllegalArgumentException("a waitlist window needs a first day on or before its last");
		}
		if (earliest != null && latest != null && latest.isBefore(earliest)) {
			throw new IllegalArgumentException("a waitlist window's latest start cannot be before its earliest");
		}
	}

	/** Whether a slot starting at {@code start}, local time, falls in this window. */
	public boolean holds(LocalDateTime start) {
		LocalDate day = start.toLocalDate();
		LocalTime time = start.toLocalTime();
		return !day.isBefore(this.firstDay) && !day.isAfter(this.lastDay)
				&& (this.earliest == null || !time.isBefore(this.earliest))
				&& (this.latest == null || !time.isAfter(this.latest));
	}

}
