package com.geminihealth.reminders.scheduler;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.test.TestRecord;

import com.geminihealth.reminders.policy.FollowUps;
import com.geminihealth.reminders.policy.Policy;
import com.geminihealth.reminders.policy.QuietHours;
import com.geminihealth.reminders.policy.ReminderRule;
import com.geminihealth.reminders.policy.RemindersProperties;
import com.geminihealth.schemas.Topics;
import com.geminihealth.schemas.appointment.Appointment;
import com.geminihealth.schemas.appointment.AppointmentEvent;
import com.geminihealth.schemas.booking.AppointmentId;
import com.geminihealth.schemas.booking.Consent;
import com.geminihealth.schemas.booking.Language;
import com.geminihealth.schemas.booking.LocationId;
import com.geminihealth.schemas.booking.Patient;
import com.geminihealth.schemas.booking.PractitionerId;
import com.geminihealth.schemas.booking.ServiceId;
import com.geminihealth.schemas.feedback.SessionFeedback;
import com.geminihealth.schemas.patient.PatientContact;
import com.geminihealth.schemas.patient.PatientPreferences;
import com.geminihealth.schemas.patient.PatientReply;
import com.geminihealth.schemas.plan.TreatmentPlan;
import com.geminihealth.schemas.privacy.ErasureRequested;
import com.geminihealth.schemas.reminder.Channel;
import com.geminihealth.schemas.reminder.DueNotice;

/**
 * The real reminders topology on a {@code TopologyTestDriver}: events are sent "now", and
 * the wall clock moves only when a test moves it.
 */
final class RemindersDriver implements AutoCloseable {

	static final ZoneId TORONTO = ZoneId.of("America/Toronto");

	static final Patient CONSENTING = new Patient("Olivia Martin", "olivia@example.com", "+12892348001", Language.EN,
			new Consent(true, true, false));

	static final Patient NOT_CONSENTING = new Patient("Noah Tremblay", "noah@example.com", "+12892348002", Language.EN,
			new Consent(true, false, false));

	final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	final SchedulerMetrics metrics = new SchedulerMetrics(this.registry);

	private final TopologyTestDriver driver;

	private final TestInputTopic<AppointmentId, AppointmentEvent> appointments;

	private final TestInputTopic<PatientContact, PatientReply> replies;

	private final TestOutputTopic<AppointmentId, DueNotice> notices;

	private final TestOutputTopic<PatientContact, PatientPreferences> preferences;

	private final TestOutputTopic<AppointmentId, SessionFeedback> feedback;

	private Instant now;

	RemindersDriver(Instant now) {
		this(defaults(), now);
	}

	RemindersDriver(RemindersProperties properties, Instant now) {
		this.now = now;
		StreamsBuilder builder = new StreamsBuilder();
		RemindersTopology.build(builder, properties, this.metrics);
		Properties config = new Properties();
		config.put(StreamsConfig.APPLICATION_ID_CONFIG, "reminders-test");
		config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
		config.put(StreamsConfig.STATE_DIR_CONFIG,
				Path.of("target", "reminders-test-" + UUID.randomUUID()).toAbsolutePath().toString());
		this.driver = new TopologyTestDriver(builder.build(), config, now);
		this.appointments = this.driver.createInputTopic(Topics.APPOINTMENTS.name(),
				Topics.APPOINTMENTS.keySerde().serializer(), Topics.APPOINTMENTS.valueSerde().serializer());
		this.replies = this.driver.createInputTopic(Topics.PATIENT_REPLIES.name(),
				Topics.PATIENT_REPLIES.keySerde().serializer(), Topics.PATIENT_REPLIES.valueSerde().serializer());
		this.notices = this.driver.createOutputTopic(Topics.DUE_NOTICES.name(),
				Topics.DUE_NOTICES.keySerde().deserializer(), Topics.DUE_NOTICES.valueSerde().deserializer());
		this.preferences = this.driver.createOutputTopic(Topics.PATIENT_PREFERENCES.name(),
				Topics.PATIENT_PREFERENCES.keySerde().deserializer(),
				Topics.PATIENT_PREFERENCES.valueSerde().deserializer());
		this.feedback = this.driver.createOutputTopic(Topics.SESSION_FEEDBACK.name(),
				Topics.SESSION_FEEDBACK.keySerde().deserializer(), Topics.SESSION_FEEDBACK.valueSerde().deserializer());
	}

	/** The clinic's default policy, as reminders.yml sets it. */
	static RemindersProperties defaults() {
		return properties(Map.of(), Map.of(), false);
	}

	static RemindersProperties properties(Map<String, Policy> locations, Map<String, Policy> services,
			boolean skipWhenConfirmed) {
		Policy policy = new Policy(
				List.of(ReminderRule.before("email-24h", Channel.EMAIL, Duration.ofHours(24)),
						ReminderRule.before("sms-2h", Channel.SMS, Duration.ofHours(2))),
				new QuietHours(LocalTime.of(21, 0), LocalTime.of(8, 0)), skipWhenConfirmed);
		FollowUps followUps = new FollowUps(Duration.ofHours(2), Duration.ofDays(28), "Drink water and rest.",
				Map.of("physio-follow-up", new FollowUps.ServiceFollowUp(Duration.ofDays(14), "Do your exercises.")));
		return new RemindersProperties(Duration.ofMillis(200), policy, locations, services, Map.of(), followUps);
	}

	/** An appointment starting at a local time in Toronto. */
	static Appointment appointment(Patient patient, String location, String service, LocalDateTime start,
			Duration length) {
		Instant begins = start.atZone(TORONTO).toInstant();
		return new Appointment(AppointmentId.random(), new LocationId(location), new ServiceId(service),
				new PractitionerId("maya-chen"), "Maya Chen", begins, begins.plus(length), TORONTO, patient, null, 0);
	}

	static Appointment appointment(LocalDateTime start) {
		return appointment(CONSENTING, "burlington", "rmt-swedish-60", start, Duration.ofHours(1));
	}

	Instant now() {
		return this.now;
	}

	/** Sends an appointment event that happened now; returns what fired at once. */
	List<DueNotice> send(AppointmentEvent event) {
		this.appointments.pipeInput(new TestRecord<>(event.appointmentId(), event, new RecordHeaders(), this.now));
		return this.notices.readValuesToList();
	}

	/**
	 * Sends bytes that are no appointment event, as a broken writer might; returns what
	 * reached the dead-letter stream.
	 */
	List<TestRecord<byte[], byte[]>> sendUnreadable(byte[] value) {
		this.driver.createInputTopic(Topics.APPOINTMENTS.name(), new ByteArraySerializer(), new ByteArraySerializer())
			.pipeInput(
					new TestRecord<>(AppointmentId.random().value().getBytes(), value, new RecordHeaders(), this.now));
		return this.driver
			.createOutputTopic(Topics.REMINDERS_DEAD_LETTERS.name(), new ByteArrayDeserializer(),
					new ByteArrayDeserializer())
			.readRecordsToList();
	}

	/** Publishes a treatment plan as the dashboard does; returns what fired at once. */
	List<DueNotice> plan(TreatmentPlan plan) {
		plans().pipeInput(new TestRecord<>(plan.key(), plan, new RecordHeaders(), this.now));
		return this.notices.readValuesToList();
	}

	/** A tombstone for the plan kept under {@code key}; returns what fired at once. */
	List<DueNotice> removePlan(PatientContact key) {
		plans().pipeInput(new TestRecord<>(key, null, new RecordHeaders(), this.now));
		return this.notices.readValuesToList();
	}

	private TestInputTopic<PatientContact, TreatmentPlan> plans() {
		return this.driver.createInputTopic(Topics.TREATMENT_PLANS.name(),
				Topics.TREATMENT_PLANS.keySerde().serializer(), Topics.TREATMENT_PLANS.valueSerde().serializer());
	}

	/** The dead letters written since the topology started. */
	List<TestRecord<byte[], byte[]>> deadLetters() {
		return this.driver
			.createOutputTopic(Topics.REMINDERS_DEAD_LETTERS.name(), new ByteArrayDeserializer(),
					new ByteArrayDeserializer())
			.readRecordsToList();
	}

	List<DueNotice> reply(PatientReply reply) {
		this.replies.pipeInput(new TestRecord<>(reply.contact(), reply, new RecordHeaders(), this.now));
		return this.notices.readValuesToList();
	}

	/**
	 * The preferences published since the last call, in order, as key and value (a null
	 * value is a tombstone).
	 */
	List<KeyValue<PatientContact, PatientPreferences>> publishedPreferences() {
		return this.preferences.readKeyValuesToList();
	}

	/**
	 * The session feedback published since the last call, in order, as key and value (a
	 * null value is a tombstone).
	 */
	List<KeyValue<AppointmentId, SessionFeedback>> publishedFeedback() {
		return this.feedback.readKeyValuesToList();
	}

	/**
	 * The session feedback published since the last call, as the records went on the
	 * wire.
	 */
	List<TestRecord<byte[], byte[]>> publishedFeedbackAsWritten() {
		return this.driver
			.createOutputTopic(Topics.SESSION_FEEDBACK.name(), new ByteArrayDeserializer(), new ByteArrayDeserializer())
			.readRecordsToList();
	}

	/** What the feedback matcher keeps for {@code patient}. */
	FeedbackQuestions feedbackQuestions(PatientContact patient) {
		return this.driver.<String, FeedbackQuestions>getKeyValueStore(SchedulerStores.FEEDBACK_QUESTIONS)
			.get(patient.value());
	}

	/** What the preferences store holds for {@code contact}. */
	PatientPreferences storedPreferences(String contact) {
		return this.driver.<String, PatientPreferences>getKeyValueStore(SchedulerStores.PREFERENCES).get(contact);
	}

	/**
	 * Sends an erasure; returns the records it wrote on the notices topic (tombstones
	 * have a null value).
	 */
	List<KeyValue<AppointmentId, DueNotice>> erase(ErasureRequested erasure) {
		this.driver
			.createInputTopic(Topics.ERASURES.name(), Topics.ERASURES.keySerde().serializer(),
					Topics.ERASURES.valueSerde().serializer())
			.pipeInput(new TestRecord<>(erasure.erasureId(), erasure, new RecordHeaders(), this.now));
		return this.notices.readKeyValuesToList();
	}

	/** Every key and value of every store of the topology, as text. */
	List<String> everythingStored() {
		List<String> stored = new ArrayList<>();
		for (String name : this.driver.getAllStateStores().keySet()) {
			try (KeyValueIterator<Object, Object> all = this.driver.<Object, Object>getKeyValueStore(name).all()) {
				all.forEachRemaining((entry) -> stored.add(text(entry.key) + " = " + text(entry.value)));
			}
		}
		return stored;
	}

	private static String text(Object value) {
		if (value instanceof Bytes bytes) {
			return new String(bytes.get(), java.nio.charset.StandardCharsets.UTF_8);
		}
		return (value instanceof String || value instanceof Number) ? value.toString()
				: com.geminihealth.schemas.Json.MAPPER.writeValueAsString(value);
	}

	/** Moves the wall clock to {@code instant}; returns what fired on the way. */
	List<DueNotice> advanceTo(Instant instant) {
		this.driver.advanceWallClockTime(Duration.between(this.now, instant));
		this.now = instant;
		return this.notices.readValuesToList();
	}

	List<DueNotice> advanceTo(LocalDateTime local) {
		return advanceTo(local.atZone(TORONTO).toInstant());
	}

	/** What the index by appointment holds for {@code appointment}. */
	Tracked tracked(AppointmentId appointment) {
		return this.driver.<String, Tracked>getKeyValueStore(SchedulerStores.BY_APPOINTMENT).get(appointment.value());
	}

	/** What the due store holds, oldest first. */
	List<Due> armed() {
		List<Due> armed = new ArrayList<>();
		try (KeyValueIterator<Bytes, Due> all = this.driver.<Bytes, Due>getKeyValueStore(SchedulerStores.DUE).all()) {
			all.forEachRemaining((entry) -> armed.add(entry.value));
		}
		return armed;
	}

	@Override
	public void close() {
		this.driver.close();
	}

}
