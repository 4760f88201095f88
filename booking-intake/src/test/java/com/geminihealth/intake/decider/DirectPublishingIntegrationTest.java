package com.geminihealth.intake.decider;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import com.geminihealth.intake.IntakeIntegrationTest;
import com.geminihealth.intake.KafkaTopics;
import com.geminihealth.intake.NextWeek;
import com.geminihealth.schemas.CloudEvents;
import com.geminihealth.schemas.DeadLetters;
import com.geminihealth.schemas.Topics;
import com.geminihealth.schemas.appointment.CommandRejected;
import com.geminihealth.schemas.booking.AppointmentId;
import com.geminihealth.schemas.booking.RequestId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * An integration publishing straight to Kafka, as the README documents, with a broken
 * record: it is dead-lettered, and its sender answered.
 */
@IntakeIntegrationTest
public class DirectPublishingIntegrationTest {

	@Autowired
	KafkaTopics kafka;

	@Autowired
	MockMvc mvc;

	@Test
	void deadLettersARecordThatFailsItsSchemaWithTheReasonInAHeader() throws Exception {
		String marker = UUID.randomUUID().toString();

		publish("burlington", "{\"requestId\": \"" + marker + "\", \"location\": \"burlington\"}");

		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			var deadLetter = this.kafka.raw(Topics.BOOKING_COMMANDS_DEAD_LETTERS.name())
				.stream()
				.filter((dead) -> new String(dead.value(), StandardCharsets.UTF_8).contains(marker))
				.findFirst();
			assertThat(deadLetter).hasValueSatisfying((dead) -> {
				assertThat(CloudEvents.header(dead.headers(), DeadLetters.REASON)).contains("$.service: is required")
					.contains("$.patient: is required");
				assertThat(new String(dead.key(), StandardCharsets.UTF_8)).isEqualTo("burlington");
			});
		});
	}

	/** No 202 without a decision: an integration that publishes is answered too. */
	@Test
	void answersABookingThatFailsItsSchemaOnItsStatusUrlAndTheAppointmentsStream() throws Exception {
		RequestId request = RequestId.random();
		String booking = """
				{"requestId": "%s", "location": "burlington", "service": "rmt-swedish-60",
				 "requestedStart": "%sT10:00", "patient": {"name": "Ina Direct", "email": "ina@clinic", "language": "en"}}"""
			.formatted(request, NextWeek.MONDAY);

		publish("burlington", booking);

		String statusUrl = "/api/bookings/" + request;
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> this.mvc.perform(get(statusUrl))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.status").value("REJECTED"))
				.andExpect(jsonPath("$.detail").value("$.patient.email: must be a valid email address")));
		// The store answers before the decider's transaction commits the event.
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(this.kafka.read(Topics.APPOINTMENTS))
				.anySatisfy((decision) -> assertThat(decision.value()).isInstanceOfSatisfying(CommandRejected.class,
						(rejected) -> assertThat(rejected.appointmentId())
							.isEqualTo(AppointmentId.forRequest(request)))));
	}

	private void publish(String key, String json) throws Exception {
		ProducerRecord<String, String> record = new ProducerRecord<>(Topics.BOOKING_COMMANDS.name(), key, json);
		record.headers().add(CloudEvents.TYPE, "com.geminihealth.booking.BookAppointment.v1".getBytes());
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.kafka.bootstrapServers()), new StringSerializer(),
				new StringSerializer())) {
			producer.send(record).get();
		}
	}

}
