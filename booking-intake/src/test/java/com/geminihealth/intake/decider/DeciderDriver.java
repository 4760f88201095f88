package com.geminihealth.intake.decider;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;

import com.geminihealth.platform.clinic.ClinicProperties;
import com.geminihealth.intake.clinic.TestClinic;
import com.geminihealth.schemas.CloudEvents;
import com.geminihealth.schemas.Json;
import com.geminihealth.schemas.Topics;
import com.geminihealth.schemas.waitlist.WaitlistEntryId;
import com.geminihealth.schemas.waitlist.WaitlistEvent;
import com.geminihealth.schemas.appointment.AppointmentEvent;
import com.geminihealth.schemas.appointment.AppointmentState;
import com.geminihealth.schemas.appointment.Slot;
import com.geminihealth.schemas.booking.AppointmentId;
import com.geminihealth.schemas.booking.BookAppointment;
import com.geminihealth.schemas.booking.BookingChannel;
import com.geminihealth.schemas.booking.BookingCommand;
import com.geminihealth.schemas.booking.CancelAppointment;
import com.geminihealth.schemas.booking.CommandId;
import com.geminihealth.schemas.booking.Consent;
import com.geminihealth.schemas.booking.Language;
import com.geminihealth.schemas.booking.LocationId;
import com.geminihealth.schemas.booking.MarkCompleted;
import com.geminihealth.schemas.booking.MarkNoShow;
import com.geminihealth.schemas.booking.Patient;
import com.geminihealth.schemas.booking.PractitionerId;
import com.geminihealth.schemas.booking.RequestId;
import com.geminihealth.schemas.booking.RescheduleAppointment;
import com.geminihealth.schemas.booking.ServiceId;
import com.geminihealth.schemas.privacy.ErasureId;
import com.geminihealth.schemas.privacy.ErasureRequested;
import com.geminihealth.schemas.schedule.ScheduleChangeId;
import com.geminihealth.schemas.schedule.ScheduleChanged;

/**
 * The real decider topology on a {@code TopologyTestDriver}, with commands sent the way
 * the intake sends them and "now" set per command.
 */
final class DeciderDriver implements AutoCloseable {

	static final Patient PATIENT = new Patient("Olivia Martin", "olivia@example.com", "+12892348001", Language.EN,
			new Consent(true, true, false));

	private final TopologyTestDriver driver;

	private final TestInputTopic<LocationId, BookingCommand> commands;

	private final TestInputTopic<byte[], byte[]> records;

	private final TestOutputTopic<AppointmentId, AppointmentEvent> decisions;

	private final TestOutputTopic<byte[], byte[]> deadLetters;

	private final TestOutputTopic<AppointmentId, AppointmentState> states;

	private final TestOutputTopic<WaitlistEntryId, WaitlistEvent> waitlist;

	private final TestInputTopic<ErasureId, ErasureRequested> erasures;

	private final TestInputTopic<byte[], byte[]> erasureRecords;

	private final TestInputTopic<ScheduleChangeId, ScheduleChanged> scheduleChanges;

	private final TestInputTopic<byte[], byte[]> scheduleChangeRecords;

	private final ClinicProperties clinic;

	private Instant now = Instant.parse("2026-11-20T12:00:00Z");

	DeciderDriver() {
		this(TestClinic.clinic());
	}

	DeciderDriver(ClinicProperties clinic) {
		this.clinic = clinic;
		StreamsBuilder builder = new StreamsBuilder();
		DeciderTopology.build(builder, clinic, DeciderProperties.defaults(), 1);
		Properties config = new Properties();
		config.put(StreamsConfig.APPLICATION_ID_CONFIG, "decider-test");
		config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
		config.put(StreamsConfig.STATE_DIR_CONFIG,
				Path.of("target", "decider-test-" + UUID.randomUUID()).toAbsolutePath().toString());
		// The wall clock, which prunes, starts with the commands' clock.
		this.driver = new TopologyTestDriver(builder.build(), config, this.now);
		this.commands = this.driver.createInputTopic(Topics.BOOKING_COMMANDS.name(),
				Topics.BOOKING_COMMANDS.keySerde().serializer(), Topics.BOOKING_COMMANDS.valueSerde().serializer());
		this.records = this.driver.createInputTopic(Topics.BOOKING_COMMANDS.name(), Serdes.ByteArray().serializer(),
				Serdes.ByteArray().serializer());
		this.decisions = this.driver.createOutputTopic(Topics.APPOINTMENTS.name(),
				Topics.APPOINTMENTS.keySerde().deserializer(), Topics.APPOINTMENTS.valueSerde().deserializer());
		this.deadLetters = this.driver.createOutputTopic(Topics.BOOKING_COMMANDS_DEAD_LETTERS.name(),
				Serdes.ByteArray().deserializer(), Serdes.ByteArray().deserializer());
		this.states = this.driver.createOutputTopic(Topics.APPOINTMENT_STATES.name(),
				Topics.APPOINTMENT_STATES.keySerde().deserializer(),
				Topics.APPOINTMENT_STATES.valueSerde().deserializer());
		this.waitlist = this.driver.createOutputTopic(Topics.WAITLIST.name(), Topics.WAITLIST.keySerde().deserializer(),
				Topics.WAITLIST.valueSerde().deserializer());
		this.erasures = this.driver.createInputTopic(Topics.ERASURES.name(), Topics.ERASURES.keySerde().serializer(),
				Topics.ERASURES.valueSerde().serializer());
		this.erasureRecords = this.driver.createInputTopic(Topics.ERASURES.name(), Serdes.ByteArray().serializer(),
				Serdes.ByteArray().serializer());
		this.scheduleChanges = this.driver.createInputTopic(Topics.SCHEDULE_CHANGES.name(),
				Topics.SCHEDULE_CHANGES.keySerde().serializer(), Topics.SCHEDULE_CHANGES.valueSerde().serializer());
		this.scheduleChangeRecords = this.driver.createInputTopic(Topics.SCHEDULE_CHANGES.name(),
				Serdes.ByteArray().serializer(), Serdes.ByteArray().serializer());
	}

	DeciderDriver at(Instant now) {
		this.now = now;
		return this;
	}

	/** Lets {@code time} pass on the wall clock, running the pruning punctuator. */
	void advanceWallClock(Duration time) {
		this.driver.advanceWallClockTime(time);
	}

	/** How many entries the store named {@code name} holds. */
	long entries(String name) {
		try (KeyValueIterator<Object, Object> all = this.driver.getKeyValueStore(name).all()) {
			long count = 0;
			while (all.hasNext()) {
				all.next();
				count++;
			}
			return count;
		}
	}

	/** Sends one command and returns what the decider decided about it. */
	AppointmentEvent send(BookingCommand command) {
		this.commands.pipeInput(new TestRecord<>(command.location(), command, new RecordHeaders(), this.now));
		return lastDecision();
	}

	/**
	 * Sends one command and returns every appointment event published since the last
	 * read: {@link #send} keeps only the last, which would hide one of two.
	 */
	List<AppointmentEvent> sendAndReadAll(BookingCommand command) {
		this.commands.pipeInput(new TestRecord<>(command.location(), command, new RecordHeaders(), this.now));
		return decisions();
	}

	/**
	 * Publishes one record as an integration might, keyed by {@code key}, and returns
	 * what the decider decided about it, if anything.
	 */
	AppointmentEvent publish(String key, String ceType, String json) {
		RecordHeaders headers = new RecordHeaders();
		headers.add(CloudEvents.TYPE, ceType.getBytes(StandardCharsets.UTF_8));
		this.records.pipeInput(new TestRecord<>(key.getBytes(StandardCharsets.UTF_8),
				json.getBytes(StandardCharsets.UTF_8), headers, this.now));
		return lastDecision();
	}

	/** The dead letters since the last call. */
	List<TestRecord<byte[], byte[]>> deadLetters() {
		return this.deadLetters.readRecordsToList();
	}

	/** Asks for the erasure of the patient with {@code email} and {@code phone}. */
	void erase(String email, String phone) {
		ErasureRequested erasure = new ErasureRequested(ErasureId.random(), email, phone, "ops@example.com", this.now);
		this.erasures.pipeInput(new TestRecord<>(erasure.erasureId(), erasure, new RecordHeaders(), this.now));
	}

	/**
	 * Publishes a schedule change as the dashboard does, under the id the dashboard gives
	 * it; returns that id, for a tombstone.
	 */
	ScheduleChangeId changeSchedule(ScheduleChanged change) {
		ScheduleChangeId id = ScheduleChangeId.of(change);
		this.scheduleChanges.pipeInput(new TestRecord<>(id, change, new RecordHeaders(), this.now));
		return id;
	}

	/** Publishes a raw record on the schedule-changes topic, as a broken writer might. */
	void publishScheduleChange(String key, String ceType, String json) {
		RecordHeaders headers = new RecordHeaders();
		headers.add(CloudEvents.TYPE, ceType.getBytes(StandardCharsets.UTF_8));
		this.scheduleChangeRecords.pipeInput(new TestRecord<>(key.getBytes(StandardCharsets.UTF_8),
				json.getBytes(StandardCharsets.UTF_8), headers, this.now));
	}

	/** Takes a schedule change back with a tombstone, as the dashboard does. */
	void takeBack(ScheduleChangeId change) {
		this.scheduleChanges.pipeInput(new TestRecord<>(change, null, new RecordHeaders(), this.now));
	}

	/** Publishes a raw record on the erasures topic, as a broken writer might. */
	void publishErasure(String ceType, String json) {
		RecordHeaders headers = new RecordHeaders();
		headers.add(CloudEvents.TYPE, ceType.getBytes(StandardCharsets.UTF_8));
		this.erasureRecords.pipeInput(new TestRecord<>("key".getBytes(StandardCharsets.UTF_8),
				json.getBytes(StandardCharsets.UTF_8), headers, this.now));
	}

	/**
	 * The names of the decider's stores, every one the topology has, whose keys or values
	 * (as JSON) contain {@code text}.
	 */
	@SuppressWarnings("unchecked")
	List<String> storesContaining(String text) {
		List<String> found = new ArrayList<>();
		this.driver.getAllStateStores().forEach((name, store) -> {
			try (KeyValueIterator<Object, Object> all = ((KeyValueStore<Object, Object>) store).all()) {
				all.forEachRemaining((entry) -> {
					String json = Json.MAPPER.writeValueAsString(entry.value);
					if ((entry.key.toString() + json).toLowerCase(Locale.ROOT).contains(text.toLowerCase(Locale.ROOT))
							&& !found.contains(name)) {
						found.add(name);
					}
				});
			}
		});
		return found;
	}

	/** The names of every store of the decider. */
	Set<String> storeNames() {
		return this.driver.getAllStateStores().keySet();
	}

	/**
	 * The open slots on {@code day} at the test location, read from the decider's
	 * calendar store as the availability query reads it, as of "now".
	 */
	List<Slot> openSlots(String service, LocalDate day) {
		return openSlots(service, null, day);
	}

	/** The open slots of {@code practitioner} (anyone if null), as {@link #openSlots}. */
	List<Slot> openSlots(String service, String practitioner, LocalDate day) {
		KeyValueStore<String, Booked> calendar = this.driver.getKeyValueStore(DeciderStores.CALENDAR);
		KeyValueStore<String, ScheduleChanged> schedule = this.driver.getKeyValueStore(DeciderStores.SCHEDULE);
		return new Availability(this.clinic,
				DeciderStores.calendar(calendar, DeciderStores.longestOccupancy(this.clinic)),
				ScheduleChanges.over(schedule))
			.open(TestClinicLocation.ID, service, practitioner, day, day, this.now);
	}

	/** The waitlist events published since the last call. */
	List<WaitlistEvent> waitlist() {
		return this.waitlist.readValuesToList();
	}

	/** The appointment events published since the last call. */
	List<AppointmentEvent> decisions() {
		return this.decisions.readValuesToList();
	}

	/** The appointment states published since the last call, by appointment. */
	List<TestRecord<AppointmentId, AppointmentState>> states() {
		return this.states.readRecordsToList();
	}

	/** A command as JSON, as it travels. */
	static String json(BookingCommand command) {
		return new String(Topics.BOOKING_COMMANDS.valueSerde().serializer().serialize("any", command),
				StandardCharsets.UTF_8);
	}

	private AppointmentEvent lastDecision() {
		List<AppointmentEvent> outcomes = this.decisions.readValuesToList();
		return outcomes.isEmpty() ? null : outcomes.get(outcomes.size() - 1);
	}

	static BookAppointment book(String practitioner, String service, LocalDateTime start) {
		return book(TestClinicLocation.ID, practitioner, service, start);
	}

	static BookAppointment book(String location, String practitioner, String service, LocalDateTime start) {
		return book(location, practitioner, service, start, PATIENT, null);
	}

	static BookAppointment book(String location, String practitioner, String service, LocalDateTime start,
			Patient patient, String notes) {
		return new BookAppointment(RequestId.random(), new LocationId(location), new ServiceId(service),
				(practitioner != null) ? new PractitionerId(practitioner) : null, start, patient, notes, null,
				BookingChannel.ONLINE);
	}

	/**
	 * A booking for {@code start} at {@code offset}, which picks one occurrence of a time
	 * the clocks repeat; {@code patient} books it.
	 */
	static BookAppointment book(String practitioner, String service, LocalDateTime start, ZoneOffset offset,
			Patient patient) {
		return new BookAppointment(RequestId.random(), TestClinicLocation.LOCATION, new ServiceId(service),
				(practitioner != null) ? new PractitionerId(practitioner) : null, start, patient, null, null,
				BookingChannel.ONLINE, offset);
	}

	static RescheduleAppointment rescheduleAt(AppointmentId appointment, LocalDateTime start, ZoneOffset offset) {
		return new RescheduleAppointment(CommandId.random(), TestClinicLocation.LOCATION, appointment, start, null,
				null, offset);
	}

	static CancelAppointment cancel(AppointmentId appointment) {
		return new CancelAppointment(CommandId.random(), TestClinicLocation.LOCATION, appointment, null);
	}

	static RescheduleAppointment reschedule(AppointmentId appointment, LocalDateTime start, String practitioner) {
		return new RescheduleAppointment(CommandId.random(), TestClinicLocation.LOCATION, appointment, start,
				(practitioner != null) ? new PractitionerId(practitioner) : null);
	}

	static MarkCompleted complete(AppointmentId appointment) {
		return new MarkCompleted(CommandId.random(), TestClinicLocation.LOCATION, appointment, "Stretch daily");
	}

	static MarkNoShow noShow(AppointmentId appointment) {
		return new MarkNoShow(CommandId.random(), TestClinicLocation.LOCATION, appointment);
	}

	RequestStatus status(AppointmentId appointment) {
		KeyValueStore<String, RequestStatus> requests = this.driver.getKeyValueStore(DeciderStores.REQUESTS);
		return requests.get(appointment.value());
	}

	RequestStatus status(RequestId request) {
		KeyValueStore<String, RequestStatus> requests = this.driver.getKeyValueStore(DeciderStores.REQUESTS);
		return requests.get(request.value());
	}

	@Override
	public void close() {
		this.driver.close();
	}

	/** The test clinic's one location. */
	static final class TestClinicLocation {

		static final String ID = TestClinic.DOWNTOWN;

		static final LocationId LOCATION = new LocationId(ID);

		private TestClinicLocation() {
		}

	}

}
