package com.geminihealth.schemas.patient;

import java.time.Instant;

/** What a patient told us, or a preference they set; keyed by their contact. */
public sealed interface PatientReply
		permits OptedOut, OptedIn, AttendanceConfirmed, HelpRequested, FreeTextReply, FeedbackAnswered {

	PatientContact contact();

	Instant receivedAt();

}
