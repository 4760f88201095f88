package com.geminihealth.schemas.appointment;

import java.time.Instant;

import com.geminihealth.schemas.booking.PractitionerId;

/** An open slot offered to a patient in place of the one they asked for. */
public record Slot(Instant start, Instant end, PractitionerId practitioner, String practitionerName) {
}
