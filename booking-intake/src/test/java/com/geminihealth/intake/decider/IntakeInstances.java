package com.geminihealth.intake.decider;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import com.geminihealth.intake.IntakeApplication;
import com.geminihealth.intake.IntakeIntegrationTest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Whole intake instances, decider included, each in its own application context on a
 * broker of their own, reached over HTTP as patients and other instances reach them.
 */
final class IntakeInstances implements AutoCloseable {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newHttpClient();

	private final EmbeddedKafkaBroker broker = new EmbeddedKafkaKraftBroker(1, 3)
		.brokerProperties(Map.of("auto.create.topics.enable", "false", "transaction.state.log.replication.factor", "1",
				"transaction.state.log.min.isr", "1", "group.initial.rebalance.delay.ms", "0"));

	/**
	 * The JVM's shared broker, announced as spring.embedded.kafka.brokers, which starting
	 * this one overwrites: later tests must find the shared one again.
	 */
	private final String sharedBroker = System.getProperty(EmbeddedKafkaBroker.SPRING_EMBEDDED_KAFKA_BROKERS);

	private final List<ConfigurableApplicationContext> instances = new ArrayList<>();

	IntakeInstances() {
		this.broker.afterPropertiesSet();
	}

	/**
	 * Starts one more instance, with {@code args} of the caller's, and returns its base
	 * URL.
	 */
	String start(String... args) throws Exception {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		String[] standard = { "--server.port=" + port,
				"--spring.kafka.bootstrap-servers=" + this.broker.getBrokersAsString(),
				"--spring.kafka.streams.state-dir=target/instances/" + UUID.randomUUID(),
				"--spring.kafka.streams.properties.application.server=localhost:" + port, "--management.server.port=0",
				"--intake.rate-limit.enabled=false",
				// Many patients' requests from one test: one address for all of them.
				"--intake.destination-limits.emails-per-day=1000", "--intake.destination-limits.texts-per-day=1000",
				"--logging.structured.format.console=",
				"--pipeline.manage-links.secret=" + IntakeIntegrationTest.MANAGE_LINK_SECRET,
				"--spring.main.banner-mode=off" };
		this.instances.add(IntakeApplication.builder()
			.run(Stream.concat(Stream.of(standard), Stream.of(args)).toArray(String[]::new)));
		return "http://localhost:" + port;
	}

	String bootstrapServers() {
		return this.broker.getBrokersAsString();
	}

	ConfigurableApplicationContext context(int instance) {
		return this.instances.get(instance);
	}

	/** Whether the instance's health, on its management port, says its decider runs. */
	boolean deciderRunning(int instance) throws Exception {
		String managementPort = this.instances.get(instance).getEnvironment().getProperty("local.management.port");
		String health = this.http
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + managementPort + "/actuator/health")).build(),
					HttpResponse.BodyHandlers.ofString())
			.body();
		return health.contains("\"state\":\"RUNNING\"");
	}

	/**
	 * Asks {@code instance} for a Swedish massage with Maya Chen at {@code start} and
	 * returns the status URL it answered with.
	 */
	String book(String instance, String start) {
		String json = """
				{"patientName": "Patient %s", "email": "instances@example.com", "location": "burlington",
				 "service": "rmt-swedish-60", "practitioner": "maya-chen", "requestedStart": "%s"}"""
			.formatted(UUID.randomUUID(), start);
		try {
			HttpResponse<String> response = this.http
				.send(HttpRequest.newBuilder(URI.create(instance + "/api/bookings"))
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString(json))
					.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).isEqualTo(202);
			return JSON.readTree(response.body()).get("statusUrl").asString();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The decision at {@code statusUrl}, once there is one. */
	JsonNode decided(String statusUrl) {
		return await().atMost(Duration.ofSeconds(60)).until(() -> {
			HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(URI.create(statusUrl)).build(),
					HttpResponse.BodyHandlers.ofString());
			return (response.statusCode() == 200) ? JSON.readTree(response.body()) : null;
		}, (status) -> status != null && !"PENDING".equals(status.get("status").asString()));
	}

	@Override
	public void close() {
		this.instances.forEach(ConfigurableApplicationContext::close);
		this.broker.destroy();
		if (this.sharedBroker != null) {
			System.setProperty(EmbeddedKafkaBroker.SPRING_EMBEDDED_KAFKA_BROKERS, this.sharedBroker);
		}
	}

}
