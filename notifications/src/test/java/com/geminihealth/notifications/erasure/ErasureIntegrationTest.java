package com.geminihealth.notifications.erasure;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.geminihealth.notifications.NotificationsApplication;
import com.geminihealth.schemas.Topics;
import com.geminihealth.schemas.appointment.Appointment;
import com.geminihealth.schemas.appointment.AppointmentConfirmed;
import com.geminihealth.schemas.appointment.AppointmentEvent;
import com.geminihealth.schemas.booking.AppointmentId;
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
 * The local run keeps every email in an outbox folder and every text in a sandbox folder,
 * which the dashboard shows: an erased patient's go from both, other patients' stay.
 */
@SpringBootTest(properties = { "spring.config.name=" + NotificationsApplication.CONFIG_NAME,
		"spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}", "logging.structured.format.console=",
		"notifications.sms.quiet-hours.start=00:00", "notifications.sms.quiet-hours.end=00:00" })
class ErasureIntegrationTest {

	@Value("${spring.embedded.kafka.brokers}")
	String brokers;

	static final Path DATA_DIR = Path.of("target", "erasure-test", UUID.randomUUID().toString());

	final Path dataDir = DATA_DIR;

	@DynamicPropertySource
	static void dataDir(DynamicPropertyRegistry registry) {
		registry.add("pipeline.data-dir", DATA_DIR::toString);
	}

	@Test
	void removesAnErasedPatientsEmailsAndTextsFromTheLocalOutboxAndSandboxOnly() throws Exception {
		String erasedEmail = "Erase.Me-" + UUID.randomUUID() + "@example.com";
		String erasedPhone = "+12895581001";
		String keptEmail = "keep-" + UUID.randomUUID() + "@example.com";
		String keptPhone = "+12895581002";
		publish(confirmedFor(erasedEmail, erasedPhone));
		publish(confirmedFor(keptEmail, keptPhone));
		await().atMost(Duration.ofSeconds(30))
			.until(() -> files("outbox").size() == 2 && files("sms-sandbox").size() == 2);
		assertThat(holding(erasedEmail)).hasSize(1);
		assertThat(holding(erasedPhone)).hasSize(1);

		erase(new ErasureRequested(ErasureId.random(), erasedEmail.toLowerCase(), erasedPhone,
				"ops@geminihealth.example", Instant.now()));

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(Stream.concat(holding(erasedEmail).stream(), holding(erasedPhone).stream()))
				.isEmpty());
		assertThat(files("outbox")).hasSize(1);
		assertThat(files("sms-sandbox")).hasSize(1);
		assertThat(holding(keptEmail)).hasSize(1);
		assertThat(holding(keptPhone)).hasSize(1);
	}

	private List<Path> files(String folder) throws IOException {
		Path dir = this.dataDir.resolve(folder);
		if (!Files.isDirectory(dir)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(dir)) {
			return files.toList();
		}
	}

	/**
	 * The local files whose text holds {@code needle}, as a search of the disk would find
	 * them.
	 */
	private List<Path> holding(String needle) throws IOException {
		return Stream.concat(files("outbox").stream(), files("sms-sandbox").stream()).filter((file) -> {
			try {
				return new String(Files.readAllBytes(file), StandardCharsets.UTF_8).contains(needle);
			}
			catch (IOException ex) {
				return false;
			}
		}).toList();
	}

	private void publish(AppointmentConfirmed confirmed) throws Exception {
		try (KafkaProducer<AppointmentId, AppointmentEvent> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.brokers),
				Topics.APPOINTMENTS.keySerde().serializer(), Topics.APPOINTMENTS.valueSerde().serializer())) {
			producer.send(new ProducerRecord<>(Topics.APPOINTMENTS.name(), confirmed.appointmentId(), confirmed)).get();
		}
	}

	private void erase(ErasureRequested erasure) throws Exception {
		try (KafkaProducer<ErasureId, ErasureRequested> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.brokers), Topics.ERASURES.keySerde().serializer(),
				Topics.ERASURES.valueSerde().serializer())) {
			producer.send(new ProducerRecord<>(Topics.ERASURES.name(), erasure.erasureId(), erasure)).get();
		}
	}

	private static AppointmentConfirmed confirmedFor(String email, String phone) {
		AppointmentId id = AppointmentId.random();
		Instant start = Instant.now().plus(Duration.ofDays(3));
		Patient patient = new Patient("Olivia Martin", email, phone, Language.EN, new Consent(true, false, false));
		return new AppointmentConfirmed(new RequestId(id.uuid()),
				new Appointment(id, new LocationId("burlington"), new ServiceId("rmt-swedish-60"),
						new PractitionerId("maya-chen"), "Maya Chen", start, start.plus(Duration.ofHours(1)),
						ZoneId.of("America/Toronto"), patient, null, 0));
	}

}
