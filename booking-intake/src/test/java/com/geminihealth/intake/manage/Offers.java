package com.geminihealth.intake.manage;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import com.geminihealth.intake.clinic.TestClinic;
import com.geminihealth.intake.decider.RequestStatus;
import com.geminihealth.schemas.appointment.Appointment;
import com.geminihealth.schemas.booking.AppointmentId;
import com.geminihealth.schemas.booking.Consent;
import com.geminihealth.schemas.booking.Language;
import com.geminihealth.schemas.booking.LocationId;
import com.geminihealth.schemas.booking.Patient;
import com.geminihealth.schemas.booking.PractitionerId;
import com.geminihealth.schemas.booking.ServiceId;

/**
 * Waitlist offers as the decider keeps them, in {@link TestClinic}: Ana's 60 minute
 * massage downtown, tomorrow at 10:00.
 */
public final class Offers {

	/** The tests' now: a Monday morning in Toronto. */
	public static final Instant NOW = LocalDateTime.of(2026, 12, 7, 9, 0)
		.atZone(TestClinic.TORONTO)
		.toInstant()
		.truncatedTo(ChronoUnit.SECONDS);

	private Offers() {
	}

	/**
	 * The decider's record of {@code offer}, made {@code offeredAt}, in {@code state}.
	 */
	public static RequestStatus record(AppointmentId offer, RequestStatus.State state, Instant offeredAt,
			Language language) {
		Instant start = LocalDateTime.of(2026, 12, 8, 10, 0).atZone(TestClinic.TORONTO).toInstant();
		Appointment appointment = new Appointment(offer, new LocationId(TestClinic.DOWNTOWN),
				new ServiceId("massage-60"), new PractitionerId("ana"), "Ana Silva", start,
				start.plus(60, ChronoUnit.MINUTES), TestClinic.TORONTO, new Patient("Ada Waiting", "ada@example.com",
						"+19055550143", language, new Consent(true, false, false)),
				null, 0, null);
		return new RequestStatus(state, appointment, start.plus(75, ChronoUnit.MINUTES), null, null, TestClinic.TORONTO,
				TestClinic.DOWNTOWN, "massage-60", null, offeredAt);
	}

	/** The offer as its page sees it. */
	public static WaitlistOffer seen(RequestStatus record, Instant heldUntil) {
		return WaitlistOffer.of(record, heldUntil);
	}

	static ZoneOffset offset() {
		return TestClinic.TORONTO.getRules().getOffset(NOW);
	}

}
