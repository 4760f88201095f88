package com.geminihealth.intake;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import com.geminihealth.platform.test.ServiceHealthContract;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The intake as deployed, on real ports: health and metrics for operators on the
 * management port, only liveness and readiness on the public one. On a broker of its own,
 * so that its decider does not join the shared test context's.
 */
class ManagementPortIntegrationTest extends ServiceHealthContract {

	static final EmbeddedKafkaBroker broker = new EmbeddedKafkaKraftBroker(1, 3)
		.brokerProperties(Map.of("auto.create.topics.enable", "false", "transaction.state.log.replication.factor", "1",
				"transaction.state.log.min.isr", "1", "group.initial.rebalance.delay.ms", "0"));

	static ConfigurableApplicationContext intake;

	@BeforeAll
	static void start() {
		// Starting a broker announces it as the JVM's shared one: the other tests keep
		// theirs.
		String shared = System.getProperty(EmbeddedKafkaBroker.SPRING_EMBEDDED_KAFKA_BROKERS);
		broker.afterPropertiesSet();
		if (shared != null) {
			System.setProperty(EmbeddedKafkaBroker.SPRING_EMBEDDED_KAFKA_BROKERS, shared);
		}
		intake = IntakeApplication.builder()
			.run("--server.port=0", "--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
					"--pipeline.data-dir=target/test-data/" + UUID.randomUUID(),
					"--pipeline.manage-links.secret=" + IntakeIntegrationTest.MANAGE_LINK_SECRET,
					"--logging.structured.format.console=", "--spring.main.banner-mode=off");
	}

	@AfterAll
	static void stop() {
		intake.close();
		broker.destroy();
	}

	@Override
	protected String service() {
		return "booking-intake";
	}

	@Override
	protected int publicPort() {
		return intake.getEnvironment().getProperty("local.server.port", Integer.class);
	}

	@Override
	protected int managementPort() {
		return intake.getEnvironment().getProperty("local.management.port", Integer.class);
	}

	@Test
	void reportsKafkaAndTheDeciderInHealth() throws Exception {
		JsonNode health = JsonMapper.shared().readTree(onTheManagementPort("/actuator/health"));
		assertThat(health.at("/status").asString()).isEqualTo("UP");
		assertThat(health.at("/components/kafka/status").asString()).isEqualTo("UP");
		assertThat(health.at("/components/kafkaStreams/details/applicationId").asString()).isEqualTo("booking-decider");
	}

	@Test
	void exposesPrometheusMetricsAnOperatorWouldChartOnceABookingArrived() throws Exception {
		String json = """
				{"patientName": "Metrics Test", "email": "metrics@example.com", "location": "burlington",
				 "service": "chiro-visit", "requestedStart": "%s"}""".formatted(NextWeek.TEN_AM);
		HttpResponse<String> booked = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + publicPort() + "/api/bookings"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(json))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(booked.statusCode()).isEqualTo(202);

		assertThat(onTheManagementPort("/actuator/prometheus")).contains("intake_rate_limited_total")
			.contains("intake_honeypot_caught_total")
			.contains("http_server_requests")
			.contains("kafka_producer");
	}

}
