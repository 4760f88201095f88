package com.geminihealth.notifications;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.config.name=" + NotificationsApplication.CONFIG_NAME,
				"spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
				"logging.structured.format.console=" })
class NotificationsApplicationIntegrationTest {

	@LocalServerPort
	int port;

	@Test
	void reportsItsKafkaConnectionInHealth() throws Exception {
		String health = get("/actuator/health");

		assertThat(health).contains("\"kafka\":{\"details\":{").contains("\"brokers\":1").contains("\"status\":\"UP\"");
	}

	@Test
	void exposesPrometheusMetrics() throws Exception {
		assertThat(get("/actuator/prometheus")).contains("jvm_memory_used_bytes").contains("service=\"notifications\"");
	}

	private String get(String path) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).build(),
					HttpResponse.BodyHandlers.ofString())
			.body();
	}

}
