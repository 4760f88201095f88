package com.geminihealth.dashboard.today;

import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import com.geminihealth.dashboard.CatalogueNames;
import com.geminihealth.schemas.booking.Screening;

/**
 * One appointment on the day's timeline, positioned between the first and last hour
 * shown. {@code callFirst} marks a patient who answered yes to a screening question when
 * they booked: someone at the desk calls them before the visit.
 */
public record TimelineRow(String appointmentId, String start, String end, String startInput, String firstName,
		String service, String location, String status, String statusCss, boolean open, double left, double width,
		boolean callFirst) {

	static final int FIRST_HOUR = 7;

	static final int LAST_HOUR = 21;

	private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

	static TimelineRow of(Schedule.Visit visit, ZoneId zone, CatalogueNames names) {
		var appointment = visit.appointment();
		LocalTime start = appointment.start().atZone(zone).toLocalTime();
		LocalTime end = appointment.end().atZone(zone).toLocalTime();
		double span = (LAST_HOUR - FIRST_HOUR) * 60.0;
		double left = Math.max(0, (start.toSecondOfDay() / 60.0 - FIRST_HOUR * 60) / span * 100);
		double width = Math.max(1.5, (end.toSecondOfDay() - start.toSecondOfDay()) / 60.0 / span * 100);
		return new TimelineRow(appointment.appointmentId().value(), start.format(HH_MM), end.format(HH_MM),
				appointment.start().atZone(zone).toLocalDateTime().toString(), appointment.patient().firstName(),
				names.serviceName(appointment.service().value()), names.locationName(appointment.location().value()),
				visit.status().label(), visit.status().css(), visit.open(), Math.min(left, 99),
				Math.min(width, 100 - Math.min(left, 99)), Screening.flagged(appointment.screening()));
	}

}
