package com.geminihealth.intake.idempotency;

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
import com.geminihealth.platform.test.TopicRecords;
import com.geminihealth.schemas.Topics;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two intake instances on a broker of their own: an Idempotency-Key holds across them,
 * because what it stands for is on Kafka, not in one instance's memory. The second
 * instance starts after the first has answered, as an instance would after a restart.
 */
class IdempotencyAcrossInstancesIntegrationTest {

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
	void answersTheSameKeyAndBodyAlikeOnEitherInstanceAndAnotherBodyWith422() throws Exception {
		this.broker.afterPropertiesSet();
		String a = start();
		String key = UUID.randomUUID().toString();
		String body = booking("Ina " + UUID.randomUUID(), "10:00");
		HttpResponse<String> first = post(a, key, body);
		assertThat(first.statusCode()).isEqualTo(202);

		String b = start();
		HttpResponse<String> retry = post(b, key, body);
		HttpResponse<String> otherBodyOnB = post(b, key, booking("Someone else", "10:00"));
		HttpResponse<String> otherBodyOnA = post(a, key, booking("Someone else", "10:00"));

		assertThat(retry.statusCode()).isEqualTo(202);
		assertThat(JSON.readTree(retry.body())).isEqualTo(JSON.readTree(first.body()));
		assertThat(otherBodyOnB.statusCode()).isEqualTo(422);
		assertThat(otherBodyOnA.statusCode()).isEqualTo(422);
		assertThat(JSON.readTree(otherBodyOnB.body()).at("/errors/0/field").asString()).isEqualTo("Idempotency-Key");
	}

	@Test
	void givesOneAnswerAndOneBookingWhenBothInstancesReceiveTheSameKeyAtOnce() throws Exception {
		this.broker.afterPropertiesSet();
		String a = start();
		String b = start();
		await().atMost(Duration.ofSeconds(60)).until(() -> deciderRunning(a) && deciderRunning(b));
		String key = UUID.randomUUID().toString();
		String body = booking("Racer " + UUID.randomUUID(), "11:00");

		List<CompletableFuture<HttpResponse<String>>> sent = new ArrayList<>();
		ExecutorService clients = Executors.newFixedThreadPool(8);
		try {
			for (int i = 0; i < 8; i++) {
				String instance = (i % 2 == 0) ? a : b;
				sent.add(CompletableFuture.supplyAsync(() -> post(instance, key, body), clients));
			}
			List<HttpResponse<String>> answers = sent.stream().map(CompletableFuture::join).toList();

			assertThat(answers).allSatisfy((answer) -> assertThat(answer.statusCode()).isEqualTo(202));
			assertThat(answers.stream().map((answer) -> JSON.readTree(answer.body())).distinct()).hasSize(1);
			String requestId = JSON.readTree(answers.get(0).body()).get("requestId").asString();
			assertThat(decided(a, requestId)).isEqualTo("CONFIRMED");
			// Decided after every copy of the request, which went to the same location.
			String later = JSON.readTree(post(b, null, booking("Later " + UUID.randomUUID(), "14:00")).body())
				.get("requestId")
				.asString();
			decided(b, later);
			// A status is read from the decider's store, which can show a decision a
			// moment
			// before its transaction commits and the event can be read.
			await().atMost(Duration.ofSeconds(30))
				.untilAsserted(
						() -> assertThat(TopicRecords.read(this.broker.getBrokersAsString(), Topics.APPOINTMENTS))
							.filteredOn((record) -> record.key().value().equals(requestId)
									|| record.key().value().equals(later))
							.hasSize(2));
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
					"--spring.kafka.streams.state-dir=target/idempotency/" + UUID.randomUUID(),
					"--spring.kafka.streams.properties.application.server=localhost:" + port,
					"--management.server.port=0", "--intake.rate-limit.enabled=false",
					"--logging.structured.format.console=", "--spring.main.banner-mode=off",
					"--pipeline.manage-links.secret=" + IntakeIntegrationTest.MANAGE_LINK_SECRET));
		return "http://localhost:" + port;
	}

	private static String booking(String name, String time) {
		return """
				{"patientName": "%s", "email": "ina@example.com", "location": "burlington",
				 "service": "rmt-swedish-60", "practitioner": "maya-chen", "requestedStart": "%sT%s"}""".formatted(name,
				NextWeek.MONDAY, time);
	}

	private HttpResponse<String> post(String instance, String key, String body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(instance + "/api/bookings"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (key != null) {
			request.header("Idempotency-Key", key);
		}
		try {
			return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Whether the instance's health, on its management port, says its decider runs. */
	private boolean deciderRunning(String instance) throws Exception {
		ConfigurableApplicationContext context = this.instances.stream()
			.filter((candidate) -> instance.endsWith(":" + candidate.getEnvironment().getProperty("local.server.port")))
			.findFirst()
			.orElseThrow();
		String managementPort = context.getEnvironment().getProperty("local.management.port");
		return this.http
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + managementPort + "/actuator/health")).build(),
					HttpResponse.BodyHandlers.ofString())
			.body()
			.contains("\"state\":\"RUNNING\"");
	}

	private String decided(String instance, String requestId) {
		URI status = URI.create(instance + "/api/bookings/" + requestId);
		return await().atMost(Duration.ofSeconds(30)).until(() -> {
			HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(status).build(),
					HttpResponse.BodyHandlers.ofString());
			return (response.statusCode() == 200) ? JSON.readTree(response.body()).get("status").asString() : null;
		}, (state) -> state != null && !"PENDING".equals(state));
	}

}
