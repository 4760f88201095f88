package com.geminihealth.notifications.outage;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

import com.geminihealth.notifications.NotificationsApplication;
import com.geminihealth.schemas.appointment.AppointmentConfirmed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A message waiting an hour for its next attempt holds no thread: the service stops at
 * once, as a deployment's rolling restart needs, instead of waiting out a listener that
 * sleeps.
 */
class PromptShutdownIntegrationTest {

	/**
	 * Well under the ten seconds a listener container waits for a busy listener before
	 * giving up on it.
	 */
	static final Duration PROMPT = Duration.ofSeconds(5);

	@Test
	void stopsAtOnceWhileAMessageWaitsAnHourForItsNextAttempt() throws Exception {
		String brokers = System.getProperty(EmbeddedKafkaBroker.SPRING_EMBEDDED_KAFKA_BROKERS);
		ConfigurableApplicationContext notifications = NotificationsApplication.builder()
			.run("--spring.kafka.bootstrap-servers=" + brokers, "--server.port=0", "--management.server.port=0",
					// No mail server listens there: every email fails and waits.
					"--spring.mail.host=localhost", "--spring.mail.port=" + closedPort(),
					"--notifications.retry.first-delay=1h", "--notifications.retry.recheck=1h",
					"--pipeline.data-dir=target/test-data/" + UUID.randomUUID(), "--logging.structured.format.console=",
					"--spring.main.banner-mode=off");
		MeterRegistry meters = notifications.getBean(MeterRegistry.class);
		Outages.publish(brokers, Outages.confirmed("waiting-" + UUID.randomUUID() + "@example.com", null,
				Instant.now().plus(Duration.ofDays(7))));
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(
					() -> assertThat(meters.get("notifications.retry.waiting").tag("channel", "EMAIL").gauge().value())
						.isGreaterThanOrEqualTo(1));

		long started = System.nanoTime();
		notifications.close();
		Duration stopping = Duration.ofNanos(System.nanoTime() - started);

		assertThat(stopping).isLessThan(PROMPT);
	}

	private static int closedPort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
