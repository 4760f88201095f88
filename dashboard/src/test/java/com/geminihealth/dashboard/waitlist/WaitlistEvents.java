package com.geminihealth.dashboard.waitlist;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import com.geminihealth.dashboard.Appointments;
import com.geminihealth.schemas.appointment.Slot;
import com.geminihealth.schemas.booking.AppointmentId;
import com.geminihealth.schemas.booking.Author;
import com.geminihealth.schemas.booking.Consent;
import com.geminihealth.schemas.booking.Language;
import com.geminihealth.schemas.booking.LocationId;
import com.geminihealth.schemas.booking.Patient;
import com.geminihealth.schemas.booking.PractitionerId;
import com.geminihealth.schemas.booking.ServiceId;
import com.geminihealth.schemas.waitlist.WaitlistEntryId;
import com.geminihealth.schemas.waitlist.WaitlistJoined;
import com.geminihealth.schemas.waitlist.WaitlistOfferClosed;
import com.geminihealth.schemas.waitlist.WaitlistOffered;
import com.geminihealth.schemas.waitlist.WaitlistWindow;

/** Waitlist events as the decider writes them, for tests. */
public final class WaitlistEvents {

	private WaitlistEvents() {
	}

	/** {@code name} waits at Burlington for a Swedish massage with anyone, next week. */
	public static WaitlistJoined joined(String name, String phone, Instant joinedAt) {
		LocalDate monday = LocalDate.now(Appointments.TORONTO).plusDays(7);
		return new WaitlistJoined(WaitlistEntryId.random(), new LocationId("burlington"),
				new ServiceId("rmt-swedish-60"), null, new WaitlistWindow(monday, monday.plusDays(4), null, null),
				Appointments.TORONTO, new Patient(name, name.toLowerCase().replace(' ', '.') + "@example.org", phone,
						Language.EN, new Consent(true, false, false)),
				Author.frontDesk("amira"), joinedAt);
	}

	/**
	 * A slot freed at {@code freedAt} offered to {@code joined} until {@code expiresAt}.
	 */
	public static WaitlistOffered offered(WaitlistJoined joined, Instant freedAt, Instant expiresAt) {
		Instant start = joined.window().firstDay().atTime(10, 0).atZone(Appointments.TORONTO).toInstant();
		return new WaitlistOffered(joined.entryId(), AppointmentId.random(), joined.location(), joined.service(),
				new Slot(start, start.plus(Duration.ofHours(1)), new PractitionerId("maya-chen"), "Maya Chen"),
				joined.zone(), joined.patient(), freedAt, freedAt.plusSeconds(1), expiresAt);
	}

	public static WaitlistOfferClosed closed(WaitlistOffered offered, WaitlistOfferClosed.Outcome outcome,
			Instant closedAt) {
		return WaitlistOfferClosed.of(offered, outcome, closedAt);
	}

}
