package com.geminihealth.reminders.scheduler;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.geminihealth.schemas.appointment.Appointment;
import com.geminihealth.schemas.booking.AppointmentId;
import com.geminihealth.schemas.feedback.FeedbackSource;
import com.geminihealth.schemas.feedback.SessionFeedback;
import com.geminihealth.schemas.patient.FeedbackAnswered;
import com.geminihealth.schemas.patient.PatientContact;
import com.geminihealth.schemas.reminder.DueNotice;
import com.geminihealth.schemas.reminder.ThankYouDue;

/**
 * Matches each patient's answers to the sessions they were asked about, keyed by patient:
 * a thank-you to a patient who agreed to be asked opens the question, an answer that
 * arrives while it is open is recorded against the session (a later one replaces it), and
 * an erasure puts a tombstone on every answer recorded for the patient. An answer that
 * matches no open question is dropped and counted.
 * <p>
 * Closed questions leave the patient's entry whenever a record of theirs arrives, and an
 * hourly sweep removes those of patients who never write again: a question holds the
 * appointment, personal data kept no longer than it can be answered.
 */
final class FeedbackMatcher implements Processor<PatientContact, Object, AppointmentId, SessionFeedback> {

	private static final Logger logger = LoggerFactory.getLogger(FeedbackMatcher.class);

	static final Duration SWEEP_EVERY = Duration.ofHours(1);

	private final SchedulerMetrics metrics;

	private ProcessorContext<AppointmentId, SessionFeedback> context;

	private KeyValueStore<String, FeedbackQuestions> questions;

	FeedbackMatcher(SchedulerMetrics metrics) {
		this.metrics = metrics;
	}

	/** Whether {@code notice} asks the patient about their session. */
	static boolean asksForFeedback(DueNotice notice) {
		return notice instanceof ThankYouDue thanks && thanks.appointment().patient().consent().feedback();
	}

	@Override
	public void init(ProcessorContext<AppointmentId, SessionFeedback> context) {
		this.context = context;
		this.questions = context.getStateStore(SchedulerStores.FEEDBACK_QUESTIONS);
		context.schedule(SWEEP_EVERY, PunctuationType.WALL_CLOCK_TIME, this::sweep);
	}

	/** Removes the questions whose answer window closed. */
	private void sweep(long now) {
		List<KeyValue<String, FeedbackQuestions>> entries = new ArrayList<>();
		try (KeyValueIterator<String, FeedbackQuestions> all = this.questions.all()) {
			all.forEachRemaining(entries::add);
		}
		for (KeyValue<String, FeedbackQuestions> entry : entries) {
			save(new PatientContact(entry.key), entry.value, entry.value.openAt(Instant.ofEpochMilli(now)));
		}
	}

	@Override
	public void process(Record<PatientContact, Object> record) {
		PatientContact patient = record.key();
		Object event = record.value();
		if (event instanceof ThankYouDue asked) {
			FeedbackQuestions before = stored(patient);
			save(patient, before, before.asking(asked.appointment()).openAt(Instant.ofEpochMilli(record.timestamp())));
		}
		else if (event instanceof FeedbackAnswered answer) {
			answered(patient, answer, record.timestamp());
		}
		else if (event instanceof PreferenceChange change && change.erases()) {
			erase(patient, record.timestamp());
		}
	}

	private void answered(PatientContact patient, FeedbackAnswered answer, long at) {
		FeedbackSource source = (answer.appointmentId() != null) ? FeedbackSource.LINK : FeedbackSource.TEXT_REPLY;
		FeedbackQuestions before = stored(patient);
		FeedbackQuestions after = before.openAt(answer.receivedAt());
		Optional<Appointment> session = SessionFeedback.scores(answer.score()) ? after.sessionAnsweredBy(answer)
				: Optional.empty();
		if (session.isPresent()) {
			Appointment answeredAbout = session.get();
			this.context.forward(new Record<>(answeredAbout.appointmentId(),
					new SessionFeedback(answeredAbout, answer.score(), answer.comment(), source, answer.receivedAt()),
					at));
			after = after.answering(answeredAbout.appointmentId().value());
			this.metrics.feedbackRecorded(source);
		}
		else {
			// Neither the comment nor the whole contact: the score and the session id say
			// enough to look into it.
			logger.info("Dropped a {} answer from {} (score {}, session {}): it matches no open question", source,
					patient, answer.score(), answer.appointmentId());
			this.metrics.feedbackUnmatched();
		}
		save(patient, before, after);
	}

	/**
	 * Forgets the patient reached at {@code patient} and removes their answers from the
	 * feedback topic. The erasure arrives once per contact it names; the one this patient
	 * is not keyed by finds nothing, and writes nothing.
	 */
	private void erase(PatientContact patient, long at) {
		FeedbackQuestions stored = this.questions.get(patient.value());
		if (stored == null) {
			return;
		}
		for (String appointmentId : stored.answered()) {
			this.context.forward(new Record<AppointmentId, SessionFeedback>(AppointmentId.of(appointmentId), null, at));
		}
		this.questions.delete(patient.value());
	}

	private FeedbackQuestions stored(PatientContact patient) {
		FeedbackQuestions stored = this.questions.get(patient.value());
		return (stored != null) ? stored : FeedbackQuestions.NONE;
	}

	/**
	 * Writes the patient's entry only when it changed: every write reaches the changelog.
	 */
	private void save(PatientContact patient, FeedbackQuestions before, FeedbackQuestions after) {
		if (after.equals(before)) {
			return;
		}
		if (after.holdsNothing()) {
			this.questions.delete(patient.value());
		}
		else {
			this.questions.put(patient.value(), after);
		}
	}

}
