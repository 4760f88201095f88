package com.geminihealth.notifications;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

import com.geminihealth.schemas.appointment.Appointment;
import com.geminihealth.schemas.appointment.AppointmentConfirmed;
import com.geminihealth.schemas.booking.AppointmentId;
import com.geminihealth.schemas.booking.Consent;
import com.geminihealth.schemas.booking.Language;
import com.geminihealth.schemas.booking.LocationId;
import com.geminihealth.schemas.booking.Patient;
import com.geminihealth.schemas.booking.PractitionerId;
import com.geminihealth.schemas.booking.RequestId;
import com.geminihealth.schemas.booking.ServiceId;

/**
 * The benchmarks' patients: each event's patient has a phone number and an email address
 * of its own, which is how the provider stubs tell which event a message came from.
 */
final class BenchmarkPatients {

	static final ZoneId TORONTO = ZoneId.of("America/Toronto");

	private BenchmarkPatients() {
	}

	/** A confirmation for a patient of its own, reachable by email and by text. */
	static AppointmentConfirmed confirmed(int seq) {
		return confirmed(
				new Patient("Olivia Martin", email(seq), phone(seq), Language.EN, new Consent(true, false, false)));
	}

	/** A confirmation for a patient of its own who gave an email address only. */
	static AppointmentConfirmed confirmedByEmail(int seq) {
		return confirmed(new Patient("Olivia Martin", email(seq), null, Language.EN, new Consent(false, false, false)));
	}

	private static AppointmentConfirmed confirmed(Patient patient) {
		AppointmentId id = AppointmentId.random();
		Instant start = Instant.now().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.HOURS);
		return new AppointmentConfirmed(new RequestId(id.uuid()),
				new Appointment(id, new LocationId("burlington"), new ServiceId("massage-60"),
						new PractitionerId("maya-chen"), "Maya Chen", start, start.plus(Duration.ofHours(1)), TORONTO,
						patient, null, 0));
	}

	static String phone(int seq) {
		return "+1289" + (2_000_000 + seq);
	}

	static String email(int seq) {
		return "patient-" + seq + "@example.com";
	}

	static int seqOfPhone(String phone) {
		return (phone != null && phone.startsWith("+1289")) ? Integer.parseInt(phone.substring(5)) - 2_000_000 : -1;
	}

	static int seqOfEmail(String address) {
		if (address == null || !address.startsWith("patient-")) {
			return -1;
		}
		return Integer.parseInt(address.substring("patient-".length(), address.indexOf('@')));
	}

}
