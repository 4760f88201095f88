package com.geminihealth.notifications.sms;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The hours of the patient's night, when no text may reach them (section 6 of the
 * architecture): from {@code start} to {@code end} local time, across midnight when
 * {@code start} is later. Equal times mean no quiet hours.
 *
 * @param start when texting stops, 21:00 by default
 * @param end when it may start again, 08:00 by default
 */
public record QuietHours(LocalTime start, LocalTime end) {

	static final QuietHours DEFAULT = new QuietHours(LocalTime.of(21, 0), LocalTime.of(8, 0));

	public QuietHours {
		start = (start != null) ? start : DEFAULT.start();
		end = (end != null) ? end : DEFAULT.end();
	}

	/** Whether {@code instant} falls in quiet hours where the patient is. */
	boolean contain(Instant instant, ZoneId zone) {
		LocalTime local = instant.atZone(zone).toLocalTime();
		if (this.start.equals(this.end)) {
			return false;
		}
		if (this.start.isBefore(this.end)) {
			return !local.isBefore(this.start) && local.isBefore(this.end);
		}
		return !local.isBefore(this.start) || local.isBefore(this.end);
	}

	/**
	 * When the quiet hours that contain {@code instant} end: the next {@code end} local
	 * time after it, a DST gap moving it forward as the clocks do.
	 */
	Instant endAfter(Instant instant, ZoneId zone) {
		ZonedDateTime local = instant.atZone(zone);
		ZonedDateTime end = ZonedDateTime.of(local.toLocalDate(), this.end, zone);
		return (end.toInstant().isAfter(instant)) ? end.toInstant()
				: ZonedDateTime.of(local.toLocalDate().plusDays(1), this.end, zone).toInstant();
	}

}
