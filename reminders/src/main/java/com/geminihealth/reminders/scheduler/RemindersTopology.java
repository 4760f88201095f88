package com.geminihealth.reminders.scheduler;

import java.util.Map;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;

import com.geminihealth.reminders.policy.RemindersProperties;
import com.geminihealth.schemas.Topic;
import com.geminihealth.schemas.Topics;
import com.geminihealth.schemas.appointment.AppointmentConfirmed;
import com.geminihealth.schemas.booking.AppointmentId;
import com.geminihealth.schemas.patient.AttendanceConfirmed;
import com.geminihealth.schemas.patient.FeedbackAnswered;
import com.geminihealth.schemas.patient.PatientContact;
import com.geminihealth.schemas.patient.PatientReply;
import com.geminihealth.schemas.privacy.ErasureId;
import com.geminihealth.schemas.privacy.ErasureRequested;
import com.geminihealth.schemas.reminder.DueNotice;

/**
 * The reminders topology, built by this one function for production and for
 * {@code TopologyTestDriver} alike. Appointment events are re-keyed by patient so that
 * they meet the patient's replies (keyed by their phone) and treatment plans (keyed the
 * same way) in one task: a "C" reply names only the patient, a new booking cancels that
 * patient's follow-up, and a plan times the follow-ups of its sessions.
 * <p>
 * Beside the scheduler, the same topology folds each contact's replies and booking
 * language into its preferences, the one writer of the compacted preferences topic: the
 * replies themselves age out, what they said must not.
 * <p>
 * It also matches the answers patients give to the question asked after a session to the
 * session, the one writer of the compacted session-feedback topic.
 */
public final class RemindersTopology {

	/** The scheduler processor's name in the topology. */
	public static final String SCHEDULER = "scheduler";

	/** The preferences fold's name in the topology. */
	public static final String PREFERENCES = "preferences";

	/** The feedback matcher's name in the topology. */
	public static final String FEEDBACK = "feedback";

	private RemindersTopology() {
	}

	/** Adds the scheduler to {@code builder}; returns the notices it fires. */
	public static KStream<AppointmentId, DueNotice> build(StreamsBuilder builder, RemindersProperties properties,
			SchedulerMetrics metrics) {
		SchedulerStores.builders().forEach(builder::addStateStore);
		KStream<AppointmentId, CheckedInput> appointmentEvents = checked(builder, Topics.APPOINTMENTS);
		KStream<PatientContact, PreferenceChange> changes = preferenceChanges(appointmentEvents,
				checked(builder, Topics.ERASURES));
		KStream<PatientContact, Object> replies = checked(builder, Topics.PATIENT_REPLIES)
			.mapValues(CheckedInput::event, Named.as("reply-input"));
		KStream<PatientContact, Object> plans = checked(builder, Topics.TREATMENT_PLANS, true)
			.mapValues(CheckedInput::event, Named.as("plan-input"));

		KStream<PatientContact, Object> appointments = appointmentEvents
			.process(ByPatient.Rekey::new, Named.as("key-by-patient"))
			.repartition(Repartitioned.with(Topics.PATIENT_REPLIES.keySerde(), Serdes.ByteArray())
				.withName("appointments-by-patient"))
			.processValues(ByPatient.Read::new, Named.as("appointment-input"));
		KStream<PatientContact, Object> confirmations = replies
			.filter((contact, reply) -> reply instanceof AttendanceConfirmed, Named.as("attendance-confirmations"));
		KStream<PatientContact, Object> erasures = changes
			.filter((contact, change) -> change.erases(), Named.as("patient-erasures"))
			.mapValues((change) -> (Object) change, Named.as("erasure-input"));

		KStream<AppointmentId, DueNotice> notices = appointments.merge(confirmations, Named.as("scheduler-input"))
			.merge(erasures, Named.as("scheduler-input-with-erasures"))
			.merge(plans, Named.as("scheduler-input-with-plans"))
			.process(() -> new SchedulerProcessor(properties, metrics), Named.as(SCHEDULER), SchedulerStores.DUE,
					SchedulerStores.BY_APPOINTMENT, SchedulerStores.BY_PATIENT, SchedulerStores.COUNT,
					SchedulerStores.NOTICES_BY_PATIENT, SchedulerStores.PLANS);
		notices.to(Topics.DUE_NOTICES.name(),
				Produced.with(Topics.DUE_NOTICES.keySerde(), Topics.DUE_NOTICES.valueSerde()).withName("due-notices"));

		preferences(changes, replies);
		feedback(notices, replies, erasures, metrics);
		return notices;
	}

	/**
	 * The answers to the question asked after a session, matched to the session. The
	 * scheduler fires a patient's thank-you in the task that holds the patient's
	 * partition, so keyed by patient it is already where their answers and erasures
	 * arrive: it needs no repartition topic, and an erasure cannot overtake the question
	 * it must remove.
	 */
	private static void feedback(KStream<AppointmentId, DueNotice> notices, KStream<PatientContact, Object> replies,
			KStream<PatientContact, Object> erasures, SchedulerMetrics metrics) {
		KStream<PatientContact, Object> questions = notices
			.filter((id, notice) -> FeedbackMatcher.asksForFeedback(notice), Named.as("feedback-questions"))
			.map((id, notice) -> KeyValue.pair(PatientContact.of(notice.appointment().patient()), (Object) notice),
					Named.as("feedback-questions-by-patient"));
		KStream<PatientContact, Object> answers = replies.filter((contact, reply) -> reply instanceof FeedbackAnswered,
				Named.as("feedback-answers"));
		questions.merge(answers, Named.as("feedback-input"))
			.merge(erasures, Named.as("feedback-input-with-erasures"))
			.process(() -> new FeedbackMatcher(metrics), Named.as(FEEDBACK), SchedulerStores.FEEDBACK_QUESTIONS)
			.to(Topics.SESSION_FEEDBACK.name(),
					Produced.with(Topics.SESSION_FEEDBACK.keySerde(), Topics.SESSION_FEEDBACK.valueSerde())
						.withName("session-feedback"));
	}

	/**
	 * What bookings and erasures change about each contact, keyed by the contact: the
	 * languages of confirmed bookings (keyed by appointment) and erasures (keyed by
	 * erasure) cross a repartition topic to meet the replies and the scheduler's state,
	 * keyed by contact.
	 */
	private static KStream<PatientContact, PreferenceChange> preferenceChanges(
			KStream<AppointmentId, CheckedInput> appointmentEvents, KStream<ErasureId, CheckedInput> erasures) {
		return appointmentEvents
			.filter((id, input) -> input.event() instanceof AppointmentConfirmed, Named.as("confirmed-bookings"))
			.flatMap((id, input) -> PreferenceChange.languagesOf((AppointmentConfirmed) input.event()),
					Named.as("languages-by-contact"))
			.merge(erasures.flatMap((id, input) -> PreferenceChange.erasing((ErasureRequested) input.event()),
					Named.as("erasures-by-contact")), Named.as("changes-by-contact"))
			.repartition(Repartitioned.with(Topics.PATIENT_REPLIES.keySerde(), PreferenceChange.SERDE)
				.withName("preference-changes-by-contact"));
	}

	/**
	 * Each contact's preferences: opt-outs and opt-ins from its replies, its language
	 * from its confirmed bookings; an erasure leaves a tombstone.
	 */
	private static void preferences(KStream<PatientContact, PreferenceChange> changes,
			KStream<PatientContact, Object> replies) {
		replies.mapValues((reply) -> PreferenceChange.of((PatientReply) reply), Named.as("preference-replies"))
			.filter((contact, change) -> change != null, Named.as("preference-changes"))
			.merge(changes, Named.as("preferences-input"))
			.process(PreferencesFold::new, Named.as(PREFERENCES), SchedulerStores.PREFERENCES)
			.to(Topics.PATIENT_PREFERENCES.name(),
					Produced.with(Topics.PATIENT_PREFERENCES.keySerde(), Topics.PATIENT_PREFERENCES.valueSerde())
						.withName("patient-preferences"));
	}

	/**
	 * The records of {@code topic} that keep the contract; the others go to the
	 * dead-letter stream as they arrived, with the reason, and the scheduler carries on.
	 */
	private static <K> KStream<K, CheckedInput> checked(StreamsBuilder builder, Topic<K, ?> topic) {
		return checked(builder, topic, false);
	}

	/**
	 * As {@link #checked(StreamsBuilder, Topic)}; with {@code tombstones}, a record
	 * without a value is a compacted topic's tombstone, kept as
	 * {@link CheckedInput.Removed}.
	 */
	private static <K> KStream<K, CheckedInput> checked(StreamsBuilder builder, Topic<K, ?> topic, boolean tombstones) {
		Map<String, KStream<K, CheckedInput>> checked = builder
			.stream(topic.name(), Consumed.with(topic.keySerde(), Serdes.ByteArray()).withName(topic.name()))
			.processValues(() -> new CheckedInput.Check<K>(topic, tombstones), Named.as("check-" + topic.name()))
			.split(Named.as(topic.name() + "-"))
			.branch((key, input) -> input.kept(), Branched.as("kept"))
			.defaultBranch(Branched.as("broken"));
		checked.get(topic.name() + "-broken")
			.mapValues(CheckedInput::original, Named.as(topic.name() + "-original-bytes"))
			.to(Topics.REMINDERS_DEAD_LETTERS.name(),
					Produced.with(topic.keySerde(), Serdes.ByteArray()).withName(topic.name() + "-dead-letters"));
		return checked.get(topic.name() + "-kept");
	}

}
