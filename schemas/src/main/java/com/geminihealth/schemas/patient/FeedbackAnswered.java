package com.geminihealth.schemas.patient;

import java.time.Instant;

import com.geminihealth.schemas.Redact;
import com.geminihealth.schemas.booking.AppointmentId;
import com.geminihealth.schemas.feedback.SessionFeedback;

/**
 * The patient answered the question asked after a session: on the page their link opens
 * (which names the appointment), or by texting back a score (which names none: it answers
 * the last session they were asked about). The reminders scheduler matches it to the
 * session and records it as {@link SessionFeedback}.
 *
 * @param contact the patient's phone or email, as their appointments are keyed
 * @param appointmentId the session answered about; {@code null} from a text reply
 * @param score from {@link SessionFeedback#LOWEST} to {@link SessionFeedback#HIGHEST}
 * @param comment what the patient added, if anything; only the page takes one
 * @param receivedAt when the answer arrived
 */
public record FeedbackAnswered(PatientContact contact, AppointmentId appointmentId, int score, String comment,
		Instant receivedAt) implements PatientReply {

	@Override
	public String toString() {
		return "FeedbackAnswered[" + this.contact + ", " + this.appointmentId + ", score=" + this.score + ", comment="
				+ Redact.text(this.comment) + ", " + this.receivedAt + "]";
	}

}
