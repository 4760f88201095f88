package com.geminihealth.schemas.feedback;

import java.time.Duration;
import java.time.Instant;

import com.geminihealth.schemas.Redact;
import com.geminihealth.schemas.appointment.Appointment;

/**
 * A patient's answer to the one question asked after their session ("How was your
 * session?"), matched to the session: what the practitioner's view shows. Keyed by
 * appointment on a compacted topic; a later answer about the same session replaces the
 * earlier, and an erasure leaves a tombstone.
 *
 * @param appointment the session, as it stood when it ended
 * @param score from {@link #LOWEST} (poor) to {@link #HIGHEST} (excellent)
 * @param comment what the patient added on the page, if anything: it may carry health
 * detail, so it is never logged nor sent by SMS
 * @param source how they answered
 * @param answeredAt when the answer arrived
 */
public record SessionFeedback(Appointment appointment, int score, String comment, FeedbackSource source,
		Instant answeredAt) {

	public static final int LOWEST = 1;

	public static final int HIGHEST = 5;

	/**
	 * How long after the session's end an answer is taken, by link or by text: long
	 * enough for a weekend, short enough that a bare number texted back still means this
	 * session.
	 */
	public static final Duration ANSWER_WITHIN = Duration.ofDays(7);

	/** The longest comment the page takes. */
	public static final int COMMENT_LENGTH = 500;

	/** Whether {@code score} is one the question offers. */
	public static boolean scores(int score) {
		return score >= LOWEST && score <= HIGHEST;
	}

	@Override
	public String toString() {
		return "SessionFeedback[" + this.appointment.appointmentId() + ", score=" + this.score + ", comment="
				+ Redact.text(this.comment) + ", " + this.source + ", " + this.answeredAt + "]";
	}

}
