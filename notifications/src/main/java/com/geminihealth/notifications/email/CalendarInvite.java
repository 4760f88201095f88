package com.geminihealth.notifications.email;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import com.geminihealth.schemas.appointment.Appointment;

/**
 * An iCalendar (RFC 5545) invitation for an appointment. The UID stays the appointment's,
 * and SEQUENCE grows with each reschedule, so calendars update the event instead of
 * adding one.
 */
final class CalendarInvite {

	private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
		.withZone(ZoneOffset.UTC);

	private CalendarInvite() {
	}

	/**
	 * {@code method} is REQUEST for a new or moved appointment, CANCEL for a cancelled
	 * one.
	 */
	static String of(Appointment appointment, String method, String summary, String location, String organizer,
			Instant now) {
		String status = "CANCEL".equals(method) ? "CANCELLED" : "CONFIRMED";
		return String.join("\r\n", "BEGIN:VCALENDAR", "PRODID:-//Gemini Health//Clinic pipeline//EN", "VERSION:2.0",
				"CALSCALE:GREGORIAN", "METHOD:" + method, "BEGIN:VEVENT",
				"UID:" + appointment.appointmentId().value() + "@geminihealth.com",
				"SEQUENCE:" + appointment.sequence(), "DTSTAMP:" + UTC.format(now),
				"DTSTART:" + UTC.format(appointment.start()), "DTEND:" + UTC.format(appointment.end()),
				"SUMMARY:" + escape(summary), "LOCATION:" + escape(location), "ORGANIZER:mailto:" + organizer,
				"STATUS:" + status, "END:VEVENT", "END:VCALENDAR", "");
	}

	private static String escape(String text) {
		return text.replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;").replace("\n", "\\n");
	}

}
