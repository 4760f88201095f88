package com.geminihealth.intake.manage;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Set;

import com.geminihealth.intake.decider.RequestStatus;
import com.geminihealth.schemas.booking.Language;
import com.geminihealth.schemas.feedback.SessionFeedback;
import com.geminihealth.schemas.patient.PatientContact;

/**
 * A session as its patient sees it through the link that asks them about it afterwards:
 * who it was with and when, and what decides whether the question is open. Served only to
 * the holder of that link; the page shows none of the patient's details.
 *
 * @param appointmentId the session
 * @param status CONFIRMED, CANCELLED, COMPLETED or NO_SHOW
 * @param practitionerName as patients know them
 * @param start when it started
 * @param end when it ended
 * @param zone the location's time zone
 * @param language the patient's language
 * @param asked whether the patient agreed at booking to be asked about their sessions
 * @param contact what the patient's answers are keyed by ({@link PatientContact#of}), for
 * the instance that publishes the answer; never shown on the page
 */
public record FeedbackSession(String appointmentId, String status, String practitionerName, Instant start, Instant end,
		ZoneId zone, Language language, boolean asked, String contact) {

	/**
	 * The states of a session that took place, or may have: the front desk does not
	 * always mark a session completed.
	 */
	private static final Set<String> HELD = Set.of(RequestStatus.State.CONFIRMED.name(),
			RequestStatus.State.COMPLETED.name());

	static FeedbackSession of(RequestStatus record) {
		var appointment = record.appointment();
		var patient = appointment.patient();
		return new FeedbackSession(appointment.appointmentId().value(), record.state().name(),
				appointment.practitionerName(), appointment.start(), appointment.end(), appointment.zone(),
				patient.language(), patient.consent().feedback(), PatientContact.of(patient).value());
	}

	/** Whether the question is open at {@code now}, and if not, why. */
	public Question question(Instant now) {
		if (!this.asked) {
			return Question.NOT_ASKED;
		}
		if (!HELD.contains(this.status)) {
			return Question.NOT_HELD;
		}
		// Marked completed, the session is over, whenever it was to end.
		if (now.isBefore(this.end) && !RequestStatus.State.COMPLETED.name().equals(this.status)) {
			return Question.NOT_YET;
		}
		return now.isBefore(answersUntil()) ? Question.OPEN : Question.CLOSED;
	}

	/**
	 * Until when answers are taken: {@link SessionFeedback#ANSWER_WITHIN} after the end.
	 */
	public Instant answersUntil() {
		return this.end.plus(SessionFeedback.ANSWER_WITHIN);
	}

	/** The start in the location's wall-clock time. */
	public LocalDateTime localStart() {
		return LocalDateTime.ofInstant(this.start, this.zone);
	}

	/** The last moment answers are taken, in the location's wall-clock time. */
	public LocalDateTime localAnswersUntil() {
		return LocalDateTime.ofInstant(answersUntil(), this.zone);
	}

	@Override
	public String toString() {
		return "FeedbackSession[" + this.appointmentId + ", " + this.status + ", " + this.end + "]";
	}

	/** Whether the question about a session is open, and if not, why. */
	public enum Question {

		/** The session is over, and the answer comes in time: ask. */
		OPEN,

		/** The patient did not agree at booking to be asked. */
		NOT_ASKED,

		/** The session was cancelled, or the patient did not come. */
		NOT_HELD,

		/** The session has not ended yet, nor been marked completed. */
		NOT_YET,

		/**
		 * Answers were taken until {@link SessionFeedback#ANSWER_WITHIN} after the end.
		 */
		CLOSED

	}

}
