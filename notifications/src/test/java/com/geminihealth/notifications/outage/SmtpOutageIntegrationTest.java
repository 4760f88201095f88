package com.geminihealth.notifications.outage;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.geminihealth.notifications.NotificationsApplication;
import com.geminihealth.notifications.delivery.NotificationDelivery;
import com.geminihealth.schemas.appointment.AppointmentConfirmed;
import com.geminihealth.schemas.notification.NotificationFailed;
import com.geminihealth.schemas.notification.NotificationSent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The mail server is down for two (simulated) hours, then back: every email that was
 * still worth sending arrives, once; one about an appointment that began meanwhile fails
 * as expired.
 */
@SpringBootTest(properties = { "spring.config.name=" + NotificationsApplication.CONFIG_NAME,
		"spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}", "spring.mail.host=localhost",
		"logging.structured.format.console=", "notifications.retry.first-delay=50ms",
		"notifications.retry.max-delay=750ms", "notifications.retry.ceiling=72s" })
class SmtpOutageIntegrationTest {

	static final int PORT = freePort();

	static final GreenMail smtp = new GreenMail(new ServerSetup(PORT, "localhost", ServerSetup.PROTOCOL_SMTP))
		.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());

	@Value("${spring.embedded.kafka.brokers}")
	String brokers;

	@Autowired
	MeterRegistry meters;

	@DynamicPropertySource
	static void mailServer(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.port", () -> PORT);
	}

	@AfterAll
	static void stop() {
		smtp.stop();
	}

	@Test
	void deliversEveryEmailOnceAfterATwoHourOutageAndExpiresOneWhoseAppointmentBeganMeanwhile() throws Exception {
		Instant nextWeek = Instant.now().plus(Duration.ofDays(7));
		AppointmentConfirmed[] worthSending = new AppointmentConfirmed[3];
		for (int i = 0; i < worthSending.length; i++) {
			worthSending[i] = Outages.confirmed("patient-" + i + "-" + UUID.randomUUID() + "@example.com", null,
					nextWeek);
		}
		// Starts one simulated hour from now: its confirmation is useless after that.
		AppointmentConfirmed soon = Outages.confirmed("soon-" + UUID.randomUUID() + "@example.com", null,
				Instant.now().plus(Outages.HOUR));

		for (AppointmentConfirmed confirmed : worthSending) {
			Outages.publish(this.brokers, confirmed);
		}
		Outages.publish(this.brokers, soon);

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(
					this.meters.get("notifications.retry.waiting").tag("channel", "EMAIL").gauge().value())
				.isGreaterThanOrEqualTo(1));
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(Outages.latest(this.brokers, soon.appointmentId()))
				.isInstanceOfSatisfying(NotificationFailed.class, (failed) -> {
					assertThat(failed.errorCode()).isEqualTo(NotificationDelivery.EXPIRED);
					assertThat(failed.permanent()).isTrue();
				}));
		assertThat(this.meters.get("notifications.expired").tag("channel", "EMAIL").counter().count()).isOne();
		// Down two simulated hours in all, counted from the first failure, which a loaded
		// machine may bring well after the events were published.
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.meters.get("notifications.retry.oldest.wait")
				.tag("channel", "EMAIL")
				.timeGauge()
				.value(TimeUnit.MILLISECONDS) > Outages.HOUR.multipliedBy(2).toMillis());
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			for (AppointmentConfirmed confirmed : worthSending) {
				assertThat(Outages.outcomes(this.brokers, confirmed.appointmentId()))
					.as("failed attempts beyond the six the old schedule allowed")
					.hasSizeGreaterThan(6)
					.allSatisfy((outcome) -> assertThat(outcome).isInstanceOfSatisfying(NotificationFailed.class,
							(failed) -> assertThat(failed.permanent()).isFalse()));
			}
		});

		smtp.start();

		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			for (AppointmentConfirmed confirmed : worthSending) {
				assertThat(Outages.latest(this.brokers, confirmed.appointmentId()))
					.isInstanceOf(NotificationSent.class);
			}
		});
		await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			for (AppointmentConfirmed confirmed : worthSending) {
				assertThat(receivedBy(confirmed.appointment().patient().email())).isOne();
			}
			assertThat(receivedBy(soon.appointment().patient().email())).isZero();
		});
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(
					this.meters.get("notifications.retry.waiting").tag("channel", "EMAIL").gauge().value())
				.isZero());
	}

	private static long receivedBy(String address) {
		return Arrays.stream(smtp.getReceivedMessages()).filter((message) -> sentTo(message, address)).count();
	}

	private static boolean sentTo(MimeMessage message, String address) {
		try {
			return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
				.anyMatch((recipient) -> recipient.toString().equals(address));
		}
		catch (jakarta.mail.MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
