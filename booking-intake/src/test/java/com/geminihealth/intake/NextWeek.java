package com.geminihealth.intake;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;

/** Requested starts that are always in the future, as a client would type them. */
public final class NextWeek {

	public static final String TEN_AM = LocalDate.now(ZoneId.of("America/Toronto")).plusDays(7) + "T10:00";

	/** A Monday at least a week away: Maya Chen works in Burlington 09:00-17:00. */
	public static final LocalDate MONDAY = LocalDate.now(ZoneId.of("America/Toronto"))
		.plusDays(7)
		.with(TemporalAdjusters.next(DayOfWeek.MONDAY));

	private NextWeek() {
	}

}
