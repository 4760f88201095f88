package com.geminihealth.notifications.sms;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.geminihealth.notifications.NotificationsApplication;
import com.geminihealth.notifications.delivery.NotificationLedger;
import com.geminihealth.platform.test.TopicRecords;
import com.geminihealth.schemas.Topics;
import com.geminihealth.schemas.appointment.AppointmentConfirmed;
import com.geminihealth.schemas.notification.NotificationFailed;
import com.geminihealth.schemas.notification.NotificationOutcome;
import com.geminihealth.schemas.notification.NotificationSent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Twilio refuses the account's credentials (a token rotated, the service not yet told): a
 * configuration fault an operator fixes in minutes. The text waits, retried, and goes
 * once the credentials are right again.
 */
@SpringBootTest(properties = { "spring.config.name=" + NotificationsApplication.CONFIG_NAME,
		"spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}", "logging.structured.format.console=",
		"notifications.sms.account-sid=AC00000000000000000000000000000001", "notifications.sms.auth-token=secret-token",
		"notifications.sms.messaging-service-sid=MG00000000000000000000000000000001",
		"notifications.retry.first-delay=50ms", "notifications.retry.max-delay=750ms",
		"notifications.retry.ceiling=72s", "notifications.sms.messages-per-second=20" })
@Import(Daytime.class)
class TwilioCredentialsIntegrationTest {

	static final TwilioStub twilio = new TwilioStub();

	@Value("${spring.embedded.kafka.brokers}")
	String brokers;

	@DynamicPropertySource
	static void twilioStub(DynamicPropertyRegistry registry) {
		registry.add("notifications.sms.api-base-url", twilio::baseUrl);
	}

	@AfterAll
	static void stopStub() {
		twilio.close();
	}

	@Test
	void textsOnceTheOperatorFixesTheCredentialsTwilioRefused() throws Exception {
		String phone = "+12892348140";
		AppointmentConfirmed confirmed = TwilioSmsIntegrationTest.confirmedFor(phone, true);
		twilio.refuseCredentials(true);

		TwilioSmsIntegrationTest.publish(this.brokers, confirmed);

		await().atMost(Duration.ofSeconds(30)).until(() -> twilio.textsTo(phone) >= 4);
		assertThat(outcomes(confirmed)).isNotEmpty()
			.allSatisfy((outcome) -> assertThat(outcome).isInstanceOfSatisfying(NotificationFailed.class,
					(failed) -> assertThat(failed.permanent()).as("refused credentials are not the message's fault")
						.isFalse()));

		twilio.refuseCredentials(false);

		await().atMost(Duration.ofSeconds(30)).until(() -> latest(confirmed) instanceof NotificationSent);
		await().during(Duration.ofSeconds(2))
			.atMost(Duration.ofSeconds(10))
			.until(() -> twilio.acceptedTo(phone).size() == 1);
	}

	private NotificationOutcome latest(AppointmentConfirmed confirmed) {
		List<NotificationOutcome> outcomes = outcomes(confirmed);
		return outcomes.isEmpty() ? null : outcomes.get(outcomes.size() - 1);
	}

	private List<NotificationOutcome> outcomes(AppointmentConfirmed confirmed) {
		return TopicRecords.values(this.brokers, Topics.NOTIFICATION_OUTCOMES)
			.stream()
			.filter((outcome) -> confirmed.appointmentId().equals(outcome.appointmentId()))
			.filter((outcome) -> !(outcome instanceof NotificationFailed failed
					&& NotificationLedger.SENDING.equals(failed.reason())))
			.toList();
	}

}
