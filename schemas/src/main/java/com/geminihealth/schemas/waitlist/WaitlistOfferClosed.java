package com.geminihealth.schemas.waitlist;

import java.time.Instant;
import java.time.ZoneId;

import com.geminihealth.schemas.appointment.Slot;
import com.geminihealth.schemas.booking.AppointmentId;
import com.geminihealth.schemas.booking.LocationId;
import com.geminihealth.schemas.booking.Patient;
import com.geminihealth.schemas.booking.ServiceId;

/**
 * A waitlist offer ended: claimed (the appointment {@code offer} is confirmed), expired
 * unclaimed (the slot goes to the next in line), or lost (claimed too late, or the slot
 * was taken meanwhile: the patient stays on the waitlist).
 */
public record WaitlistOfferClosed(WaitlistEntryId entryId, AppointmentId offer, Outcome outcome, LocationId location,
		ServiceId service, Slot slot, ZoneId zone, Patient patient, Instant freedAt,
		Instant closedAt) implements WaitlistEvent {

	public static WaitlistOfferClosed of(WaitlistOffered offered, Outcome outcome, Instant closedAt) {
		return new WaitlistOfferClosed(offered.entryId(), offered.offer(), outcome, offered.location(),
				offered.service(), offered.slot(), offered.zone(), offered.patient(), offered.freedAt(), closedAt);
	}

	/** How an offer ended. */
	public enum Outcome {

		CLAIMED, EXPIRED, LOST

	}

}
