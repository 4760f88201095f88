package com.geminihealth.reminders.policy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import jakarta.validation.constraints.NotNull;

/**
 * Local hours in which no SMS goes out, such as 21:00-08:00 (the window may wrap
 * midnight). An SMS due inside them moves to the last allowed moment before them: one
 * minute before {@code start}, so that the notifications service, which checks quiet
 * hours again when it sends, still finds it allowed. A window that ends where it starts
 * is empty: no quiet hours, as the notifications service reads the same setting.
 *
 * @param start first quiet moment, local time
 * @param end first allowed moment again, local time
 */
public record QuietHours(@NotNull LocalTime start, @NotNull LocalTime end) {

	static final Duration MARGIN = Duration.ofMinutes(1);

	/** {@code due}, or the last allowed moment before the quiet hours it falls in. */
	public Instant adjust(Instant due, ZoneId zone) {
		ZonedDateTime local = due.atZone(zone);
		LocalTime time = local.toLocalTime();
		LocalDate began;
		if (this.start.equals(this.end)) {
			return due;
		}
		if (this.start.isBefore(this.end)) {
			if (time.isBefore(this.start) || !time.isBefore(this.end)) {
				return due;
			}
			began = local.toLocalDate();
		}
		else if (!time.isBefore(this.start)) {
			began = local.toLocalDate();
		}
		else if (time.isBefore(this.end)) {
			began = local.toLocalDate().minusDays(1);
		}
		else {
			return due;
		}
		return ZonedDateTime.of(began, this.start, zone).toInstant().minus(MARGIN);
	}

}
