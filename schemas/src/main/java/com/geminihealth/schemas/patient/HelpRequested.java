package com.geminihealth.schemas.patient;

import java.time.Instant;

/** The patient replied HELP or AIDE. */
public record HelpRequested(PatientContact contact, String keyword, Instant receivedAt) implements PatientReply {
}
