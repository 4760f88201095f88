package com.geminihealth.schemas.waitlist;

import java.time.Instant;
import java.time.ZoneId;

import com.geminihealth.schemas.booking.Author;
import com.geminihealth.schemas.booking.JoinWaitlist;
import com.geminihealth.schemas.booking.LocationId;
import com.geminihealth.schemas.booking.Patient;
import com.geminihealth.schemas.booking.PractitionerId;
import com.geminihealth.schemas.booking.ServiceId;

/**
 * A patient is on the waitlist, in line from {@code joinedAt}, the broker's time of their
 * request.
 */
public record WaitlistJoined(WaitlistEntryId entryId, LocationId location, ServiceId service,
		PractitionerId practitioner, WaitlistWindow window, ZoneId zone, Patient patient, Author author,
		Instant joinedAt) implements WaitlistEvent {

	public static WaitlistJoined of(JoinWaitlist join, ZoneId zone, Instant joinedAt) {
		return new WaitlistJoined(join.entryId(), join.location(), join.service(), join.practitioner(), join.window(),
				zone, join.patient(), join.author(), joinedAt);
	}

}
