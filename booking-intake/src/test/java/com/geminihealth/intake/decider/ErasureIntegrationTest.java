package com.geminihealth.intake.decider;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;

import com.geminihealth.intake.IntakeIntegrationTest;
import com.geminihealth.intake.KafkaTopics;
import com.geminihealth.intake.NextWeek;
import com.geminihealth.schemas.Json;
import com.geminihealth.schemas.Topic;
import com.geminihealth.schemas.Topics;
import com.geminihealth.schemas.appointment.AppointmentState;
import com.geminihealth.schemas.booking.AppointmentId;
import com.geminihealth.schemas.booking.BookAppointment;
import com.geminihealth.schemas.booking.BookingChannel;
import com.geminihealth.schemas.booking.Consent;
import com.geminihealth.schemas.booking.Language;
import com.geminihealth.schemas.booking.LocationId;
import com.geminihealth.schemas.booking.Patient;
import com.geminihealth.schemas.booking.PractitionerId;
import com.geminihealth.schemas.booking.RequestId;
import com.geminihealth.schemas.booking.ServiceId;
import com.geminihealth.schemas.privacy.ErasureId;
import com.geminihealth.schemas.privacy.ErasureRequested;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An erasure arrives on one partition of its topic, while the patient's appointments live
 * with their locations on other partitions: it reaches every one of the decider's tasks.
 */
@IntakeIntegrationTest
class ErasureIntegrationTest {

	/** The partitions every topic of the test broker has (pipeline.topics.partitions). */
	static final int PARTITIONS = 3;

	@Autowired
	KafkaTopics kafka;

	@Autowired
	StreamsBuilderFactoryBean decider;

	@Test
	void erasesThePatientsAppointmentsAtEveryLocationFromEveryStoreOfEveryTask() throws Exception {
		String email = "erase-" + UUID.randomUUID() + "@example.com";
		String phone = "+1416" + (5_000_000 + (int) (Math.random() * 999_999));
		Patient patient = new Patient("Erin Erasable", email, phone, Language.EN, new Consent(true, true, false));
		LocalDate monday = NextWeek.MONDAY.plusWeeks(5);
		List<BookAppointment> bookings = List.of(book("burlington", "maya-chen", monday, patient),
				book("hamilton", "liam-obrien", monday, patient),
				book("oakville", "maya-chen", monday.plusDays(1), patient));
		assertThat(bookings.stream().map((book) -> partitionOf(book.location())).collect(Collectors.toSet()))
			.as("the locations' partitions: an erasure must reach more than one")
			.hasSizeGreaterThan(1);
		Set<AppointmentId> appointments = bookings.stream()
			.map((book) -> AppointmentId.forRequest(book.requestId()))
			.collect(Collectors.toSet());

		try (KafkaProducer<byte[], byte[]> producer = producer()) {
			for (BookAppointment book : bookings) {
				send(producer, Topics.BOOKING_COMMANDS, book.location(), book);
			}
			await().atMost(Duration.ofSeconds(60))
				.until(() -> statesOf(appointments).stream().filter((state) -> email.equals(emailOf(state))).count(),
						(count) -> count == appointments.size());
			assertThat(storesContaining(email)).isNotEmpty();

			ErasureRequested erasure = new ErasureRequested(ErasureId.random(), email, phone, "ops@example.com",
					Instant.now());
			send(producer, Topics.ERASURES, erasure.erasureId(), erasure);
		}

		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(statesOf(appointments))
				.filteredOn((state) -> Patient.ERASED_EMAIL.equals(emailOf(state)))
				.extracting(AppointmentState::appointmentId)
				.containsExactlyInAnyOrderElementsOf(appointments));
		assertThat(storesContaining(email)).isEmpty();
		assertThat(storesContaining(phone)).isEmpty();
	}

	private static BookAppointment book(String location, String practitioner, LocalDate day, Patient patient) {
		return new BookAppointment(RequestId.random(), new LocationId(location), new ServiceId("rmt-swedish-60"),
				new PractitionerId(practitioner), day.atTime(16, 0), patient, "private note", null,
				BookingChannel.INTEGRATION);
	}

	private List<AppointmentState> statesOf(Set<AppointmentId> appointments) {
		return this.kafka.values(Topics.APPOINTMENT_STATES)
			.stream()
			.filter((state) -> appointments.contains(state.appointmentId()))
			.toList();
	}

	private static String emailOf(AppointmentState state) {
		return state.appointment().patient().email();
	}

	/** Every store of the decider, across every task this instance runs. */
	private List<String> storesContaining(String text) {
		KafkaStreams streams = this.decider.getKafkaStreams();
		List<String> found = new ArrayList<>();
		for (String name : DeciderStores.NAMES) {
			ReadOnlyKeyValueStore<Object, Object> store = streams
				.store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.keyValueStore()));
			try (KeyValueIterator<Object, Object> all = store.all()) {
				all.forEachRemaining((entry) -> {
					if ((entry.key + Json.MAPPER.writeValueAsString(entry.value)).contains(text)) {
						found.add(name);
					}
				});
			}
		}
		return found;
	}

	private static int partitionOf(LocationId location) {
		byte[] key = Topics.BOOKING_COMMANDS.keySerde().serializer().serialize("any", location);
		return Utils.toPositive(Utils.murmur2(key)) % PARTITIONS;
	}

	private KafkaProducer<byte[], byte[]> producer() {
		return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.kafka.bootstrapServers(),
				ProducerConfig.ACKS_CONFIG, "all"), new ByteArraySerializer(), new ByteArraySerializer());
	}

	private static <K, V> void send(KafkaProducer<byte[], byte[]> producer, Topic<K, V> topic, K key, V value)
			throws Exception {
		byte[] keyBytes = topic.keySerde().serializer().serialize(topic.name(), key);
		RecordHeaders headers = new RecordHeaders();
		byte[] valueBytes = topic.valueSerde().serializer().serialize(topic.name(), headers, value);
		producer.send(new ProducerRecord<>(topic.name(), null, keyBytes, valueBytes, headers)).get();
	}

}
