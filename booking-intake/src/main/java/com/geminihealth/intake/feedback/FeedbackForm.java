package com.geminihealth.intake.feedback;

import java.time.Instant;

import jakarta.validation.constraints.NotNull;

import org.springframework.util.StringUtils;

import com.geminihealth.intake.manage.FeedbackSession;
import com.geminihealth.schemas.Redact;
import com.geminihealth.schemas.booking.AppointmentId;
import com.geminihealth.schemas.patient.FeedbackAnswered;
import com.geminihealth.schemas.patient.PatientContact;

/**
 * The answer to the question after a session, as the feedback page sends it.
 *
 * @param score from 1 (poor) to 5 (excellent)
 * @param comment what the patient adds, optional; may carry health detail, so it is never
 * logged
 */
record FeedbackForm(@NotNull Integer score, String comment) {

	/** Nothing chosen yet: the form as the page first shows it. */
	static final FeedbackForm UNANSWERED = new FeedbackForm(null, null);

	/** The comment as it is kept: without the spaces around it, and none when blank. */
	String keptComment() {
		return StringUtils.hasText(this.comment) ? this.comment.strip() : null;
	}

	/** The answer about {@code session} that arrived {@code at}. Needs a score. */
	FeedbackAnswered answer(FeedbackSession session, Instant at) {
		return new FeedbackAnswered(new PatientContact(session.contact()), AppointmentId.of(session.appointmentId()),
				this.score, keptComment(), at);
	}

	@Override
	public String toString() {
		return "FeedbackForm[score=" + this.score + ", comment=" + Redact.text(this.comment) + "]";
	}

}
