package com.geminihealth.schemas.waitlist;

import java.time.Instant;
import java.time.ZoneId;

import com.geminihealth.schemas.appointment.Slot;
import com.geminihealth.schemas.booking.AppointmentId;
import com.geminihealth.schemas.booking.LocationId;
import com.geminihealth.schemas.booking.Patient;
import com.geminihealth.schemas.booking.ServiceId;

/**
 * A freed slot is offered to the first in line who fits it, until {@code expiresAt}; no
 * one else is offered it meanwhile. {@code offer} is the appointment it becomes if
 * claimed. {@code freedAt} is when the slot was freed, for the time it takes to refill.
 */
public record WaitlistOffered(WaitlistEntryId entryId, AppointmentId offer, LocationId location, ServiceId service,
		Slot slot, ZoneId zone, Patient patient, Instant freedAt, Instant offeredAt,
		Instant expiresAt) implements WaitlistEvent {

}
