package com.geminihealth.reminders;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import com.geminihealth.platform.EventPublisher;
import com.geminihealth.platform.test.ServiceHealthContract;
import com.geminihealth.platform.test.TopicRecords;
import com.geminihealth.schemas.Topics;
import com.geminihealth.schemas.patient.OptedOut;
import com.geminihealth.schemas.patient.PatientContact;
import com.geminihealth.schemas.patient.ReplySource;
import com.geminihealth.schemas.reminder.Channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.config.name=" + RemindersApplication.CONFIG_NAME,
				"spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
				"pipeline.data-dir=target/test-data/${random.uuid}", "logging.structured.format.console=" })
class RemindersApplicationIntegrationTest extends ServiceHealthContract {

	@Autowired
	EventPublisher publisher;

	@Value("${spring.embedded.kafka.brokers}")
	String brokers;

	@Override
	protected String service() {
		return "reminders";
	}

	@Test
	void showsTheSchedulerRunningInHealth() {
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(onTheManagementPort("/actuator/health")).contains("\"kafkaStreams\"")
				.contains("\"applicationId\":\"reminders\"")
				.contains("\"state\":\"RUNNING\""));
	}

	@Test
	void publishesAContactsOptOutAsItsPreferencesOnTheCompactedTopic() {
		PatientContact contact = new PatientContact("+1289555" + (1000 + ThreadLocalRandom.current().nextInt(8999)));
		this.publisher.publish(Topics.PATIENT_REPLIES, contact,
				new OptedOut(contact, Channel.SMS, "STOP", ReplySource.SMS_KEYWORD, Instant.now()));

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(TopicRecords.read(this.brokers, Topics.PATIENT_PREFERENCES))
				.filteredOn((record) -> contact.equals(record.key()))
				.singleElement()
				.satisfies((record) -> assertThat(record.value().optedOut()).containsExactly(Channel.SMS)));
	}

	@Test
	void exposesTheSchedulerGaugeLatenessAndEarlyFires() throws Exception {
		assertThat(onTheManagementPort("/actuator/prometheus")).contains("reminders_scheduled{")
			.contains("reminders_fire_lateness_seconds_bucket{")
			.contains("reminders_fired_early_total{");
	}

}
