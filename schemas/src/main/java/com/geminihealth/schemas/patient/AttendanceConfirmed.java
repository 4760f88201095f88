package com.geminihealth.schemas.patient;

import java.time.Instant;

/** The patient replied C or Y: they will come to their next appointment. */
public record AttendanceConfirmed(PatientContact contact, Instant receivedAt) implements PatientReply {
}
