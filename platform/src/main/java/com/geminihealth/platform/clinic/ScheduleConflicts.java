package com.geminihealth.platform.clinic;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

import com.geminihealth.schemas.appointment.Appointment;
import com.geminihealth.schemas.schedule.ScheduleChanged;

/**
 * The appointments that no longer fit their practitioner's hours: confirmed before time
 * off, a break or a changed day was entered, or before the catalogue's weekly hours
 * changed. Nobody cancels them automatically, since the patient still expects to come:
 * the front desk sees them listed, calls, and moves them.
 */
public final class ScheduleConflicts {

	private ScheduleConflicts() {
	}

	/**
	 * Those of {@code appointments} (the ones still to happen, as they stand) that fall
	 * outside their practitioner's hours once {@code changes} apply, earliest first.
	 */
	public static List<Appointment> among(ClinicProperties clinic, Collection<Appointment> appointments,
			Collection<ScheduleChanged> changes) {
		return appointments.stream()
			.filter((appointment) -> !fits(clinic, appointment, changes))
			.sorted(Comparator.comparing(Appointment::start))
			.toList();
	}

	/** Whether {@code appointment} lies wholly inside its practitioner's hours. */
	public static boolean fits(ClinicProperties clinic, Appointment appointment, Collection<ScheduleChanged> changes) {
		String practitionerId = appointment.practitioner().value();
		ClinicProperties.Practitioner practitioner = clinic.practitioners().get(practitionerId);
		if (practitioner == null) {
			return false;
		}
		ZonedDateTime start = appointment.start().atZone(appointment.zone());
		ZonedDateTime end = appointment.end().atZone(appointment.zone());
		LocalDate day = start.toLocalDate();
		if (!end.toLocalDate().equals(day) && !end.toLocalTime().equals(LocalTime.MIDNIGHT)) {
			return false;
		}
		List<ClinicProperties.Shift> hours = WorkingHours.of(practitioner, practitionerId,
				appointment.location().value(), day, changes);
		return WorkingHours.covers(hours, start.toLocalTime(),
				end.toLocalDate().equals(day) ? end.toLocalTime() : LocalTime.MAX);
	}

}
