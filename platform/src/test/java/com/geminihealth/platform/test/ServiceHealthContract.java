package com.geminihealth.platform.test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every service shows an operator, on a real port: health with its Kafka connection,
 * and Prometheus metrics tagged with its name. A service's test extends this with its own
 * {@code @SpringBootTest}.
 */
public abstract class ServiceHealthContract {

	@LocalServerPort
	int port;

	/** The service's name, as its metrics are tagged. */
	protected abstract String service();

	@Test
	void reportsItsKafkaConnectionInHealth() throws Exception {
		assertThat(get("/actuator/health")).contains("\"kafka\":{\"details\":{")
			.contains("\"brokers\":1")
			.contains("\"status\":\"UP\"");
	}

	@Test
	void exposesPrometheusMetricsTaggedWithTheService() throws Exception {
		assertThat(get("/actuator/prometheus")).contains("jvm_memory_used_bytes")
			.contains("service=\"" + service() + "\"");
	}

	private String get(String path) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).build(),
					HttpResponse.BodyHandlers.ofString())
			.body();
	}

}
