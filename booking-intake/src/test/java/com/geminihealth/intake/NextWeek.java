package com.geminihealth.intake;

import java.time.LocalDate;
import java.time.ZoneId;

/** A requested start that is always in the future, as a client would type it. */
public final class NextWeek {

	public static final String TEN_AM = LocalDate.now(ZoneId.of("America/Toronto")).plusDays(7) + "T10:00";

	private NextWeek() {
	}

}
