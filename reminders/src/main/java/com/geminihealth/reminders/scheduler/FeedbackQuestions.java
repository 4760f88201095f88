package com.geminihealth.reminders.scheduler;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.geminihealth.schemas.appointment.Appointment;
import com.geminihealth.schemas.feedback.SessionFeedback;
import com.geminihealth.schemas.patient.FeedbackAnswered;

/**
 * What one patient was asked about their sessions, and what they answered: the sessions
 * whose question is still open, so an answer finds its session, and the sessions that
 * have an answer on the compacted feedback topic, so an erasure can put a tombstone on
 * each long after their questions closed.
 *
 * @param asked the sessions asked about whose answer window may still be open, in the
 * order they were asked, as they stood when they ended
 * @param answered the ids of the sessions with a recorded answer, oldest first
 */
record FeedbackQuestions(List<Appointment> asked, List<String> answered) {

	static final FeedbackQuestions NONE = new FeedbackQuestions(List.of(), List.of());

	/** Until when an answer about {@code session} is taken. */
	static Instant answerableUntil(Appointment session) {
		return session.end().plus(SessionFeedback.ANSWER_WITHIN);
	}

	/** With {@code session} asked about last. */
	FeedbackQuestions asking(Appointment session) {
		List<Appointment> more = new ArrayList<>(withoutSession(session.appointmentId().value()));
		more.add(session);
		return new FeedbackQuestions(List.copyOf(more), this.answered);
	}

	/** With an answer recorded about the session {@code appointmentId}. */
	FeedbackQuestions answering(String appointmentId) {
		if (this.answered.contains(appointmentId)) {
			return this;
		}
		List<String> more = new ArrayList<>(this.answered);
		more.add(appointmentId);
		return new FeedbackQuestions(this.asked, List.copyOf(more));
	}

	/** Without the questions whose window had closed at {@code now}. */
	FeedbackQuestions openAt(Instant now) {
		return new FeedbackQuestions(
				this.asked.stream().filter((session) -> !now.isAfter(answerableUntil(session))).toList(),
				this.answered);
	}

	/**
	 * The session {@code answer} is about, if its question is open when the answer
	 * arrived: the one it names, or, when it names none (a score texted back), the one
	 * asked about last.
	 */
	Optional<Appointment> sessionAnsweredBy(FeedbackAnswered answer) {
		List<Appointment> open = openAt(answer.receivedAt()).asked;
		if (answer.appointmentId() == null) {
			return open.isEmpty() ? Optional.empty() : Optional.of(open.get(open.size() - 1));
		}
		return open.stream().filter((session) -> session.appointmentId().equals(answer.appointmentId())).findFirst();
	}

	/** Whether there is nothing left to keep: no question open, no answer recorded. */
	boolean holdsNothing() {
		return this.asked.isEmpty() && this.answered.isEmpty();
	}

	private List<Appointment> withoutSession(String appointmentId) {
		return this.asked.stream().filter((session) -> !session.appointmentId().value().equals(appointmentId)).toList();
	}

}
