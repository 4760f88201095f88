package com.geminihealth.intake.clinic;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.geminihealth.platform.clinic.ClinicProperties;

/**
 * A small clinic for tests: one location in Toronto; Ana (RMT) works every day
 * 09:00-17:00, Ben (RMT) weekdays 09:00-17:00, Cy (chiropractor) weekdays 08:00-12:00.
 * The hour of massage has a French name; the other services fall back to their English
 * one.
 */
public final class TestClinic {

	public static final String DOWNTOWN = "downtown";

	public static final ZoneId TORONTO = ZoneId.of("America/Toronto");

	private TestClinic() {
	}

	public static ClinicProperties clinic() {
		Map<String, ClinicProperties.Service> services = new LinkedHashMap<>();
		services.put("massage-60", new ClinicProperties.Service("Massage, 60 min", Set.of("rmt"), 60, 15, null,
				Map.of("fr", "Massothérapie, 60 min")));
		services.put("massage-30", new ClinicProperties.Service("Massage, 30 min", Set.of("rmt"), 30, 10));
		services.put("chiro", new ClinicProperties.Service("Chiropractic visit", Set.of("chiropractic"), 20, 5));
		Map<String, ClinicProperties.Practitioner> practitioners = new LinkedHashMap<>();
		practitioners.put("ana",
				new ClinicProperties.Practitioner("Ana Silva", Set.of("rmt"),
						Map.of(DOWNTOWN, week(LocalTime.of(9, 0), LocalTime.of(17, 0), DayOfWeek.values())),
						List.of(LocalDate.of(2026, 12, 25))));
		practitioners.put("ben", new ClinicProperties.Practitioner("Ben Roy", Set.of("rmt"),
				Map.of(DOWNTOWN, week(LocalTime.of(9, 0), LocalTime.of(17, 0), weekdays())), List.of()));
		practitioners.put("cy", new ClinicProperties.Practitioner("Cy Park", Set.of("chiropractic"),
				Map.of(DOWNTOWN, week(LocalTime.of(8, 0), LocalTime.of(12, 0), weekdays())), List.of()));
		return new ClinicProperties("Test Clinic", "+12892348001",
				Map.of(DOWNTOWN, new ClinicProperties.Location("Downtown", TORONTO, "1 Main St")), services,
				practitioners,
				new ClinicProperties.BookingRules(Duration.ofHours(2), Duration.ofDays(90), Duration.ofMinutes(15), 3));
	}

	/**
	 * The same location with one RMT, Nia, who works every night 00:00-04:00: hours that
	 * span the hour the clocks skip in spring and the hour they repeat in autumn.
	 */
	public static ClinicProperties openAtNight() {
		ClinicProperties clinic = clinic();
		Map<String, ClinicProperties.Practitioner> practitioners = Map.of("nia",
				new ClinicProperties.Practitioner("Nia Roberts", Set.of("rmt"),
						Map.of(DOWNTOWN, week(LocalTime.of(0, 0), LocalTime.of(4, 0), DayOfWeek.values())), List.of()));
		Map<String, ClinicProperties.Service> massage = Map.of("massage-30", clinic.services().get("massage-30"));
		return new ClinicProperties(clinic.name(), clinic.phone(), clinic.locations(), massage, practitioners,
				clinic.rules());
	}

	private static DayOfWeek[] weekdays() {
		return Arrays.copyOfRange(DayOfWeek.values(), 0, 5);
	}

	private static Map<DayOfWeek, ClinicProperties.Shift> week(LocalTime start, LocalTime end, DayOfWeek... days) {
		Map<DayOfWeek, ClinicProperties.Shift> week = new EnumMap<>(DayOfWeek.class);
		for (DayOfWeek day : days) {
			week.put(day, new ClinicProperties.Shift(start, end));
		}
		return week;
	}

}
