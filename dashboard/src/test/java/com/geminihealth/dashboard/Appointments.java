package com.geminihealth.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import com.geminihealth.schemas.appointment.Appointment;
import com.geminihealth.schemas.booking.AppointmentId;
import com.geminihealth.schemas.booking.Consent;
import com.geminihealth.schemas.booking.Language;
import com.geminihealth.schemas.booking.LocationId;
import com.geminihealth.schemas.booking.Patient;
import com.geminihealth.schemas.booking.PractitionerId;
import com.geminihealth.schemas.booking.Screening;
import com.geminihealth.schemas.booking.ServiceId;

/** Appointments as the decider confirms them, for tests. */
public final class Appointments {

	public static final ZoneId TORONTO = ZoneId.of("America/Toronto");

	private Appointments() {
	}

	/** {@code appointment} booked through a form that asked the screening questions. */
	public static Appointment screened(Appointment appointment, Screening screening) {
		Appointment a = appointment;
		return new Appointment(a.appointmentId(), a.location(), a.service(), a.practitioner(), a.practitionerName(),
				a.start(), a.end(), a.zone(), a.patient(), a.notes(), a.sequence(), screening);
	}

	public static Appointment of(String patientName, String phone, Instant start, String notes) {
		return new Appointment(AppointmentId.random(), new LocationId("burlington"), new ServiceId("rmt-swedish-60"),
				new PractitionerId("maya-chen"), "Maya Chen", start, start.plus(Duration.ofHours(1)), TORONTO,
				new Patient(patientName, "patient@example.com", phone, Language.EN, new Consent(true, true, false)),
				notes, 0);
	}

}
