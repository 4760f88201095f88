package com.geminihealth.intake.booking;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import com.geminihealth.broker.KraftCluster;
import com.geminihealth.intake.IntakeIntegrationTest;
import com.geminihealth.intake.KafkaTopics;
import com.geminihealth.intake.NextWeek;
import com.geminihealth.intake.web.ClientAddresses;
import com.geminihealth.schemas.Topics;
import com.geminihealth.schemas.booking.BookAppointment;

import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The intake on a cluster of three brokers (replication 3, min.insync.replicas 2) under a
 * steady stream of bookings: losing one broker loses and stops nothing, losing two is
 * answered 503 within the intake's wait, and when they return bookings are taken and
 * decided again. Every booking answered 202 is on the booking stream and decided.
 */
@IntakeIntegrationTest
@DirtiesContext
class LosingBrokersIntegrationTest {

	static final Duration ACK_TIMEOUT = Duration.ofSeconds(5);

	/** Scheduling and GC on a busy two-core machine. */
	static final Duration SLACK = Duration.ofSeconds(2);

	private static final Logger logger = LoggerFactory.getLogger(LosingBrokersIntegrationTest.class);

	static final JsonMapper JSON = JsonMapper.builder().build();

	static KraftCluster cluster = KraftCluster.start(Path.of("target", "losing-brokers", UUID.randomUUID().toString()),
			3, Map.of());

	@Autowired
	MockMvc mvc;

	@Autowired
	KafkaTopics kafka;

	final ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();

	final AtomicInteger sent = new AtomicInteger();

	@DynamicPropertySource
	static void onTheCluster(DynamicPropertyRegistry registry) {
		registry.add("spring.kafka.bootstrap-servers", () -> cluster.bootstrapServers());
		registry.add("pipeline.topics.replication-factor", () -> "3");
		registry.add("pipeline.publishing.ack-timeout", () -> ACK_TIMEOUT.toSeconds() + "s");
		// One test's many patients share an email address.
		registry.add("intake.destination-limits.emails-per-day", () -> "100000");
	}

	@AfterAll
	static void stopCluster() {
		cluster.close();
	}

	@Test
	void losingOneBrokerStopsNothingLosingTwoIsAnswered503AndAllResumesWhenTheyReturn() throws Exception {
		ScheduledExecutorService load = Executors.newScheduledThreadPool(2);
		try {
			for (int client = 0; client < 2; client++) {
				load.scheduleWithFixedDelay(this::book, 0, 100, TimeUnit.MILLISECONDS);
			}
			awaitAnswers(10, 0);

			long oneLost = System.nanoTime();
			cluster.stopBroker(0);
			awaitAnswers(30, oneLost);
			// While the second broker stops (a clean stop takes a moment), either answer
			// is
			// right: a request may still reach two brokers or already find one.
			long stoppingSecond = System.nanoTime();
			cluster.stopBroker(1);
			long twoLost = System.nanoTime();
			await().atMost(Duration.ofSeconds(30))
				.until(() -> this.answers.stream().anyMatch((answer) -> answer.status() == 503));
			awaitAnswers(4, System.nanoTime());
			long back = System.nanoTime();
			cluster.startBroker(0);
			cluster.startBroker(1);
			long allBack = System.nanoTime();
			await().atMost(Duration.ofSeconds(60))
				.until(() -> this.answers.stream()
					.filter((answer) -> answer.sentAt() > allBack && answer.status() == 202)
					.count() >= 10);
			load.shutdown();
			assertThat(load.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

			List<Answer> all = List.copyOf(this.answers);
			logger.info(
					"{} bookings: {} answered 202, {} answered 503 (slowest {} ms); slowest 202 with one broker "
							+ "lost {} ms; first 202 {} ms after both brokers were back",
					all.size(), all.stream().filter((answer) -> answer.status() == 202).count(),
					all.stream().filter((answer) -> answer.status() == 503).count(),
					slowest(all, 503, 0, Long.MAX_VALUE), slowest(all, 202, oneLost, stoppingSecond),
					TimeUnit.NANOSECONDS.toMillis(all.stream()
						.filter((answer) -> answer.sentAt() > back && answer.status() == 202)
						.mapToLong(Answer::answeredAt)
						.min()
						.orElse(back) - back));
			assertThat(all).extracting(Answer::status).containsOnly(202, 503);
			assertThat(all).filteredOn((answer) -> answer.answeredAt() < stoppingSecond).allSatisfy((answer) -> {
				assertThat(answer.status()).isEqualTo(202);
			});
			assertThat(all).filteredOn((answer) -> answer.sentAt() > twoLost && answer.answeredAt() < back)
				.isNotEmpty()
				.allSatisfy((answer) -> assertThat(answer.status()).isEqualTo(503));
			assertThat(all).filteredOn((answer) -> answer.status() == 503)
				.allSatisfy((answer) -> assertThat(answer.took()).isLessThanOrEqualTo(ACK_TIMEOUT.plus(SLACK)));
			assertThat(all).filteredOn((answer) -> answer.sentAt() > oneLost && answer.answeredAt() < stoppingSecond)
				.hasSizeGreaterThanOrEqualTo(30);

			Set<String> accepted = all.stream()
				.filter((answer) -> answer.status() == 202)
				.map(Answer::requestId)
				.collect(Collectors.toSet());
			Set<String> onTheStream = this.kafka.values(Topics.BOOKING_COMMANDS)
				.stream()
				.filter(BookAppointment.class::isInstance)
				.map((command) -> ((BookAppointment) command).requestId().value())
				.collect(Collectors.toSet());
			assertThat(onTheStream).containsAll(accepted);
			await().atMost(Duration.ofSeconds(60))
				.untilAsserted(() -> assertThat(accepted)
					.allSatisfy((id) -> assertThat(status(id)).isIn("CONFIRMED", "DECLINED")));
		}
		finally {
			load.shutdownNow();
		}
	}

	private static long slowest(List<Answer> answers, int status, long from, long to) {
		return answers.stream()
			.filter((answer) -> answer.status() == status && answer.sentAt() > from && answer.answeredAt() < to)
			.mapToLong((answer) -> answer.took().toMillis())
			.max()
			.orElse(0);
	}

	/** Waits until this many answers have come to requests sent after {@code since}. */
	private void awaitAnswers(int count, long since) {
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.answers.stream().filter((answer) -> answer.sentAt() > since).count() >= count);
	}

	private void book() {
		int n = this.sent.incrementAndGet();
		String start = NextWeek.MONDAY.plusWeeks(3) + "T" + String.format("%02d:%02d", 9 + (n / 4) % 7, (n % 4) * 15);
		long sentAt = System.nanoTime();
		try {
			MockHttpServletResponse response = this.mvc
				.perform(post("/api/bookings").with(ClientAddresses.fresh())
					.contentType(MediaType.APPLICATION_JSON)
					.content("""
							{"patientName": "Steady %d", "email": "steady@example.com", "location": "burlington",
							 "service": "rmt-swedish-60", "practitioner": "maya-chen", "requestedStart": "%s"}"""
						.formatted(n, start)))
				.andReturn()
				.getResponse();
			String requestId = (response.getStatus() == 202)
					? JSON.readTree(response.getContentAsString()).get("requestId").asString() : null;
			this.answers.add(new Answer(sentAt, System.nanoTime(), response.getStatus(), requestId));
		}
		catch (Exception ex) {
			this.answers.add(new Answer(sentAt, System.nanoTime(), -1, null));
		}
	}

	private String status(String requestId) throws Exception {
		MockHttpServletResponse response = this.mvc
			.perform(get("/api/bookings/" + requestId).with(ClientAddresses.fresh()))
			.andReturn()
			.getResponse();
		return (response.getStatus() == 200) ? JSON.readTree(response.getContentAsString()).get("status").asString()
				: "unknown";
	}

	/** One booking request's answer, with when it was sent and answered (nano time). */
	record Answer(long sentAt, long answeredAt, int status, String requestId) {

		Duration took() {
			return Duration.ofNanos(this.answeredAt - this.sentAt);
		}

	}

}
