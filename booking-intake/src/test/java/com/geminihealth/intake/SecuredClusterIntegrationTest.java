package com.geminihealth.intake;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.jayway.jsonpath.JsonPath;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import com.geminihealth.intake.web.ClientAddresses;
import com.geminihealth.platform.EventPublisher;
import com.geminihealth.platform.test.SecuredCatalogueCluster;
import com.geminihealth.schemas.CloudEvents;
import com.geminihealth.schemas.ServiceAccount;
import com.geminihealth.schemas.Topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The intake, decider included, on a cluster that authenticates every client and enforces
 * the ACLs generated from the catalogue, signed in as its own account with no more than
 * its settings from Spring Boot's properties: a partner's system books straight on Kafka
 * and reads the decision back as the integration account, a patient books over HTTP, and
 * the intake may not write what it does not own.
 */
@IntakeIntegrationTest
@DirtiesContext
class SecuredClusterIntegrationTest {

	static final SecuredCatalogueCluster cluster = SecuredCatalogueCluster.start();

	@Autowired
	MockMvc mvc;

	@Autowired
	EventPublisher publisher;

	/** What the compose deployment sets as SPRING_KAFKA_* variables. */
	@DynamicPropertySource
	static void asTheIntakeAccount(DynamicPropertyRegistry registry) {
		cluster.springProperties(ServiceAccount.BOOKING_INTAKE)
			.forEach((name, value) -> registry.add(name, () -> value));
	}

	@AfterAll
	static void stopCluster() {
		cluster.close();
	}

	@Test
	void aPartnerBooksStraightOnKafkaAndReadsTheDecisionBack() throws Exception {
		String requestId = UUID.randomUUID().toString();
		String command = """
				{"requestId":"%s","location":"burlington","service":"chiro-visit","requestedStart":"%sT09:00",
				 "patient":{"name":"Lee Wong","email":"lee@example.com","language":"en"},"channel":"INTEGRATION"}"""
			.formatted(requestId, NextWeek.MONDAY);
		try (KafkaProducer<String, byte[]> partner = new KafkaProducer<>(cluster.client(ServiceAccount.INTEGRATION),
				new StringSerializer(), new ByteArraySerializer())) {
			ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.BOOKING_COMMANDS.name(), "burlington",
					command.getBytes(StandardCharsets.UTF_8));
			record.headers()
				.add(CloudEvents.TYPE, "com.geminihealth.booking.BookAppointment.v1".getBytes(StandardCharsets.UTF_8))
				.add(CloudEvents.SOURCE, "/practice-system".getBytes(StandardCharsets.UTF_8))
				.add(CloudEvents.SPEC_VERSION, "1.0".getBytes(StandardCharsets.UTF_8));
			partner.send(record).get(30, TimeUnit.SECONDS);
		}

		assertThat(decisionTypeFor(requestId)).isEqualTo("com.geminihealth.appointment.AppointmentConfirmed.v1");
	}

	@Test
	void aPatientBooksOverHttpAndIsDecided() throws Exception {
		String answer = this.mvc.perform(
				post("/api/bookings").with(ClientAddresses.fresh()).contentType(MediaType.APPLICATION_JSON).content("""
						{"patientName": "Secured %s", "email": "secured@example.com", "language": "en",
						 "location": "burlington", "service": "rmt-swedish-60", "practitioner": "maya-chen",
						 "requestedStart": "%sT14:00"}""".formatted(UUID.randomUUID(), NextWeek.MONDAY)))
			.andExpect(status().isAccepted())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(decisionTypeFor(JsonPath.read(answer, "$.requestId"))).startsWith("com.geminihealth.appointment.");
	}

	@Test
	void theIntakeMayNotWriteAnotherServicesStream() {
		// Refused at once, as a fault rather than an outage: no retry could help.
		assertThatThrownBy(() -> this.publisher.publish(Topics.NOTIFICATIONS_RETRIES, new byte[0], new byte[0]))
			.hasRootCauseInstanceOf(TopicAuthorizationException.class);
	}

	/** The type of the decision about {@code requestId}, as the integration reads it. */
	private static String decisionTypeFor(String requestId) {
		Map<String, Object> config = cluster.client(ServiceAccount.INTEGRATION);
		config.put(ConsumerConfig.GROUP_ID_CONFIG, "integration-test-" + UUID.randomUUID());
		config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		try (KafkaConsumer<String, byte[]> partner = new KafkaConsumer<>(config, new StringDeserializer(),
				new ByteArrayDeserializer())) {
			partner.subscribe(java.util.List.of(Topics.APPOINTMENTS.name()));
			String[] type = new String[1];
			await().atMost(Duration.ofSeconds(60)).until(() -> {
				for (ConsumerRecord<String, byte[]> record : partner.poll(Duration.ofMillis(200))) {
					if (requestId.equals(record.key())) {
						type[0] = CloudEvents.header(record.headers(), CloudEvents.TYPE);
					}
				}
				return type[0] != null;
			});
			return type[0];
		}
	}

}
