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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import com.geminihealth.intake.IntakeApplication;
import com.geminihealth.intake.IntakeIntegrationTest;
import com.geminihealth.intake.NextWeek;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two intake instances share the decider's work on a broker of their own. Concurrent
 * requests for one slot arrive through both; exactly one is confirmed, and each instance
 * answers every status URL, whichever instance owns it.
 */
class TwoDecidersRaceIntegrationTest {

	static final JsonMapper JSON = JsonMapper.builder().build();

	final HttpClient http = HttpClient.newHttpClient();

	final EmbeddedKafkaBroker broker = new EmbeddedKafkaKraftBroker(1, 3)
		.brokerProperties(Map.of("auto.create.topics.enable", "false", "transaction.state.log.replication.factor", "1",
				"transaction.state.log.min.isr", "1", "group.initial.rebalance.delay.ms", "0"));

	/**
	 * The JVM's shared broker, announced as spring.embedded.kafka.brokers, which starting
	 * this one overwrites: later tests must find the shared one again.
	 */
	final String sharedBroker = System.getProperty(EmbeddedKafkaBroker.SPRING_EMBEDDED_KAFKA_BROKERS);

	final List<ConfigurableApplicationContext> instances = new ArrayList<>();

	@AfterEach
	void stop() {
		this.instances.forEach(ConfigurableApplicationContext::close);
		this.broker.destroy();
		if (this.sharedBroker != null) {
			System.setProperty(EmbeddedKafkaBroker.SPRING_EMBEDDED_KAFKA_BROKERS, this.sharedBroker);
		}
	}

	@Test
	void confirmsExactlyOneOfConcurrentRequestsForTheSameSlot() throws Exception {
		this.broker.afterPropertiesSet();
		String a = start();
		String b = start();
		await().atMost(Duration.ofSeconds(60)).until(() -> deciderRunning(0) && deciderRunning(1));

		String start = NextWeek.MONDAY + "T10:00";
		List<CompletableFuture<String>> requests = new ArrayList<>();
		ExecutorService clients = Executors.newFixedThreadPool(8);
		try {
			for (int i = 0; i < 8; i++) {
				String instance = (i % 2 == 0) ? a : b;
				requests.add(CompletableFuture.supplyAsync(() -> book(instance, start), clients));
			}
			List<String> statusUrls = requests.stream().map(CompletableFuture::join).toList();

			List<JsonNode> decisions = new ArrayList<>();
			for (int i = 0; i < statusUrls.size(); i++) {
				String other = (i % 2 == 0) ? b : a;
				decisions.add(decided(other + statusUrls.get(i)));
			}

			assertThat(decisions).filteredOn((status) -> status.get("status").asString().equals("CONFIRMED"))
				.hasSize(1);
			assertThat(decisions).filteredOn((status) -> status.get("status").asString().equals("DECLINED"))
				.hasSize(7)
				.allSatisfy((status) -> assertThat(status.get("reason").asString()).isEqualTo("SLOT_TAKEN"));
		}
		finally {
			clients.shutdownNow();
		}
	}

	private String start() throws Exception {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		this.instances.add(IntakeApplication.builder()
			.run("--server.port=" + port, "--spring.kafka.bootstrap-servers=" + this.broker.getBrokersAsString(),
					"--spring.kafka.streams.state-dir=target/race/" + UUID.randomUUID(),
					"--spring.kafka.streams.properties.application.server=localhost:" + port,
					"--management.server.port=0", "--intake.rate-limit.enabled=false",
					// Many patients' requests from one test: one address for all of them.
					"--intake.destination-limits.emails-per-day=1000", "--intake.destination-limits.texts-per-day=1000",
					"--logging.structured.format.console=",
					"--pipeline.manage-links.secret=" + IntakeIntegrationTest.MANAGE_LINK_SECRET,
					"--spring.main.banner-mode=off"));
		return "http://localhost:" + port;
	}

	/** Whether the instance's health, on its management port, says its decider runs. */
	private boolean deciderRunning(int instance) throws Exception {
		String managementPort = this.instances.get(instance).getEnvironment().getProperty("local.management.port");
		String health = this.http
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + managementPort + "/actuator/health")).build(),
					HttpResponse.BodyHandlers.ofString())
			.body();
		return health.contains("\"state\":\"RUNNING\"");
	}

	private String book(String instance, String start) {
		String json = """
				{"patientName": "Racer %s", "email": "race@example.com", "location": "burlington",
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

	private JsonNode decided(String statusUrl) {
		return await().atMost(Duration.ofSeconds(30)).until(() -> {
			HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(URI.create(statusUrl)).build(),
					HttpResponse.BodyHandlers.ofString());
			return (response.statusCode() == 200) ? JSON.readTree(response.body()) : null;
		}, (status) -> status != null && !"PENDING".equals(status.get("status").asString()));
	}

}
