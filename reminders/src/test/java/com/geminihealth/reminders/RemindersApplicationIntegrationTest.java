package com.geminihealth.reminders;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import com.geminihealth.platform.test.ServiceHealthContract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.config.name=" + RemindersApplication.CONFIG_NAME,
				"spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
				"pipeline.data-dir=target/test-data/${random.uuid}", "logging.structured.format.console=" })
class RemindersApplicationIntegrationTest extends ServiceHealthContract {

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
	void exposesTheSchedulerGaugeLatenessAndEarlyFires() throws Exception {
		assertThat(onTheManagementPort("/actuator/prometheus")).contains("reminders_scheduled{")
			.contains("reminders_fire_lateness_seconds_bucket{")
			.contains("reminders_fired_early_total{");
	}

}
