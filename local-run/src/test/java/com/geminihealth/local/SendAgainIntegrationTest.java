package com.geminihealth.local;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

import com.geminihealth.dashboard.DashboardApplication;
import com.geminihealth.intake.IntakeApplication;
import com.geminihealth.notifications.NotificationsApplication;
import com.geminihealth.platform.test.TopicRecords;
import com.geminihealth.schemas.CloudEvents;
import com.geminihealth.schemas.RetryHeaders;
import com.geminihealth.schemas.Topics;
import com.geminihealth.schemas.notification.NotificationFailed;
import com.geminihealth.schemas.notification.NotificationSent;
import com.geminihealth.schemas.notification.NotificationSuppressed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The mail server is down until a booking's confirmation expires; once it is back, the
 * front desk sends the email again from the dashboard, twice as a double click would, and
 * the patient receives it once: the second request reaches the notifications service too,
 * and its ledger holds it back as already sent. The retry schedule is compressed to
 * seconds.
 */
class SendAgainIntegrationTest {

	private static final ZoneId CLINIC_ZONE = ZoneId.of("America/Toronto");

	private static final String RETRIES_LISTENER = "notification-retries";

	private final Path dataDir = Path.of("target", "send-again-" + UUID.randomUUID());

	private final int smtpPort = freePort();

	private final GreenMail smtp = new GreenMail(new ServerSetup(this.smtpPort, "localhost", ServerSetup.PROTOCOL_SMTP))
		.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());

	@AfterEach
	void stopMailServer() {
		this.smtp.stop();
	}

	@Test
	void sendsAnExpiredEmailOnceWhenTheFrontDeskAsksTwiceAfterTheOutage() throws Exception {
		String firstName = "Nora" + UUID.randomUUID().toString().replaceAll("[^a-z]", "");
		String email = firstName.toLowerCase() + "@example.com";
		LocalDate monday = LocalDate.now(CLINIC_ZONE).plusWeeks(2).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
		try (LocalPipeline pipeline = LocalPipeline.start(this.dataDir, 0, LocalPipeline.PortPlan.ANY_FREE,
				"--spring.mail.host=localhost", "--spring.mail.port=" + this.smtpPort,
				"--management.health.mail.enabled=false", "--notifications.retry.first-delay=50ms",
				"--notifications.retry.max-delay=500ms", "--notifications.retry.ceiling=3s")) {
			post(pipeline.url(IntakeApplication.class) + "/api/bookings", """
					{"patientName": "%s Lane", "email": "%s", "location": "burlington",
					 "service": "rmt-swedish-60", "practitioner": "maya-chen", "requestedStart": "%sT11:00"}"""
				.formatted(firstName, email, monday));
			DashboardUser frontDesk = new DashboardUser(pipeline.url(DashboardApplication.class), "frontdesk",
					"frontdesk-gemini");
			String expired = await().atMost(Duration.ofSeconds(60))
				.until(() -> row(frontDesk.get("/notifications"), firstName), (row) -> row.contains("Send again<"));
			assertThat(expired).contains(NotificationFailed.EXPIRED);
			String notification = notificationId(expired);

			this.smtp.start();
			MessageListenerContainer retries = pipeline.service(NotificationsApplication.class)
				.getBean(KafkaListenerEndpointRegistry.class)
				.getListenerContainer(RETRIES_LISTENER);
			// Both requests are on the retry stream before the first is handled: what
			// keeps the second from sending is the notifications service, not the page.
			retries.pause();
			await().atMost(Duration.ofSeconds(10)).until(retries::isContainerPaused);
			String sendAgain = "/notifications/messages/" + notification + "/send-again";
			assertThat(frontDesk.post(sendAgain, Map.of())).isEqualTo(302);
			assertThat(frontDesk.post(sendAgain, Map.of())).isEqualTo(302);
			assertThat(TopicRecords.raw(pipeline.bootstrapServers(), Topics.NOTIFICATIONS_RETRIES.name()))
				.filteredOn(
						(record) -> "frontdesk".equals(CloudEvents.header(record.headers(), RetryHeaders.REQUESTED_BY)))
				.hasSize(2);
			retries.resume();

			await().atMost(Duration.ofSeconds(20)).until(() -> receivedBy(email) >= 1);
			await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> receivedBy(email) == 1);
			assertThat(TopicRecords.values(pipeline.bootstrapServers(), Topics.NOTIFICATION_OUTCOMES))
				.filteredOn((outcome) -> outcome.notificationId().value().equals(notification))
				.satisfiesOnlyOnce((outcome) -> assertThat(outcome).isInstanceOf(NotificationSent.class))
				.anySatisfy((outcome) -> assertThat(outcome).isInstanceOfSatisfying(NotificationSuppressed.class,
						(suppressed) -> assertThat(suppressed.reason())
							.isEqualTo(NotificationSuppressed.Reason.ALREADY_SENT)));
			await().atMost(Duration.ofSeconds(10))
				.untilAsserted(() -> assertThat(row(frontDesk.get("/notifications"), firstName)).contains("status sent")
					.contains("Asked again at")
					.doesNotContain("Send again<"));
			assertThat(get(pipeline.managementUrl(DashboardApplication.class) + "/actuator/prometheus"))
				.contains("dashboard_notifications_sent_again_total{channel=\"EMAIL\"");
		}
	}

	private long receivedBy(String address) {
		return Arrays.stream(this.smtp.getReceivedMessages()).filter((message) -> sentTo(message, address)).count();
	}

	private static boolean sentTo(MimeMessage message, String address) {
		try {
			return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
				.anyMatch((recipient) -> recipient.toString().equals(address));
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The row of the notifications page that lists a message to {@code firstName}. */
	private static String row(String page, String firstName) {
		for (String row : page.split("<tr")) {
			if (row.contains("data-notification-id") && row.contains(firstName)) {
				return row.substring(0, row.indexOf("</tr>"));
			}
		}
		return "";
	}

	private static String notificationId(String row) {
		String from = row.substring(row.indexOf("data-notification-id=\"") + "data-notification-id=\"".length());
		return from.substring(0, from.indexOf('"'));
	}

	private static void post(String url, String json) throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(url))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(json))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
	}

	private static String get(String url) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString())
			.body();
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
