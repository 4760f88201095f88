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

import com.geminihealth.intake.IntakeIntegrationTest;
import com.geminihealth.intake.KafkaTopics;
import com.geminihealth.schemas.CloudEvents;
import com.geminihealth.schemas.DeadLetters;
import com.geminihealth.schemas.Topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An integration publishing straight to Kafka, as the README documents, with a broken
 * record.
 */
@IntakeIntegrationTest
public class DirectPublishingIntegrationTest {

	@Autowired
	KafkaTopics kafka;

	@Test
	void deadLettersARecordThatFailsItsSchemaWithTheReasonInAHeader() throws Exception {
		String marker = UUID.randomUUID().toString();
		String invalid = "{\"requestId\": \"" + marker + "\", \"location\": \"burlington\"}";
		ProducerRecord<String, String> record = new ProducerRecord<>(Topics.BOOKING_COMMANDS.name(), "burlington",
				invalid);
		record.headers().add(CloudEvents.TYPE, "com.geminihealth.booking.BookAppointment.v1".getBytes());
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.kafka.bootstrapServers()), new StringSerializer(),
				new StringSerializer())) {
			producer.send(record).get();
		}

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

}
