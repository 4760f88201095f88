package com.geminihealth.reminders;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.geminihealth.platform.test.ServiceHealthContract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.config.name=" + RemindersApplication.CONFIG_NAME,
				"spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
				"pipeline.data-dir=target/test-data/${random.uuid}", "logging.structured.format.console=" })
class RemindersApplicationIntegrationTest extends ServiceHealthContract {

	@LocalServerPort
	int port;

	@Override
	protected String service() {
		return "reminders";
	}

	@Test
	void showsTheSchedulerRunningInHealth() {
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(get("/actuator/health")).contains("\"kafkaStreams\"")
				.contains("\"applicationId\":\"reminders\"")
				.contains("\"state\":\"RUNNING\""));
	}

	@Test
	void exposesTheSchedulerGaugeLatenessAndEarlyFires() throws Exception {
		assertThat(get("/actuator/prometheus")).contains("reminders_scheduled{")
			.contains("reminders_fire_lateness_seconds_bucket{")
			.contains("reminders_fired_early_total{");
	}

	private String get(String path) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).build(),
					HttpResponse.BodyHandlers.ofString())
			.body();
	}

}
