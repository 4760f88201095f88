package com.geminihealth.notifications.sms;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.geminihealth.notifications.NotificationsApplication;
import com.geminihealth.notifications.delivery.NotificationDelivery;
import com.geminihealth.notifications.delivery.NotificationLedger;
import com.geminihealth.platform.test.TopicRecords;
import com.geminihealth.schemas.Topics;
import com.geminihealth.schemas.appointment.Appointment;
import com.geminihealth.schemas.appointment.AppointmentConfirmed;
import com.geminihealth.schemas.booking.AppointmentId;
import com.geminihealth.schemas.notification.NotificationFailed;
import com.geminihealth.schemas.notification.NotificationOutcome;
import com.geminihealth.schemas.notification.NotificationSent;
import com.geminihealth.schemas.notification.NotificationSuppressed;
import com.geminihealth.schemas.reminder.Channel;
import com.geminihealth.schemas.reminder.ReminderDue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A burst of texts queued at 20:59, paced at two a second: none reaches Twilio after
 * 21:00. Confirmations for next week are held until 08:00 and then sent, once; a reminder
 * for an appointment at 07:30 is skipped.
 */
@SpringBootTest(properties = { "spring.config.name=" + NotificationsApplication.CONFIG_NAME,
		"spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}", "logging.structured.format.console=",
		"notifications.sms.account-sid=AC00000000000000000000000000000001", "notifications.sms.auth-token=secret-token",
		"notifications.sms.messaging-service-sid=MG00000000000000000000000000000001",
		"notifications.sms.messages-per-second=2", "notifications.retry.recheck=200ms" })
class EveningBurstIntegrationTest {

	static final ZoneId TORONTO = TwilioSmsIntegrationTest.TORONTO;

	static final LocalDate TODAY = LocalDate.now(TORONTO);

	static final Instant NINE_PM = TODAY.atTime(21, 0).atZone(TORONTO).toInstant();

	static final Instant EIGHT_AM = TODAY.plusDays(1).atTime(8, 0).atZone(TORONTO).toInstant();

	/**
	 * How long after the quiet-hours check a request may reach the stub: the check comes
	 * after the claim, just before the provider is called. A check made before the pacing
	 * wait or the claim lets texts through seconds late on a busy machine.
	 */
	static final Duration CHECK_TO_REQUEST = Duration.ofMillis(300);

	static final TwilioStub twilio = new TwilioStub();

	static final MovableClock clock = new MovableClock(NINE_PM.minusSeconds(6));

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

	@TestConfiguration(proxyBeanMethods = false)
	static class AtNight {

		@Bean
		@Primary
		Clock movable() {
			return clock;
		}

	}

	@Test
	void sendsNothingAfterNinePmHoldsWhatIsStillUsefulUntilMorningAndSkipsWhatIsNot() throws Exception {
		// One text in the afternoon first: the first claim of a JVM starts the broker's
		// transaction log, which takes seconds on a busy machine.
		clock.set(NINE_PM.minusSeconds(Duration.ofHours(5).toSeconds()));
		AppointmentConfirmed afternoon = TwilioSmsIntegrationTest.confirmedFor("+12895590100", true);
		TwilioSmsIntegrationTest.publish(this.brokers, afternoon);
		await().atMost(Duration.ofSeconds(60))
			.until(() -> latest(afternoon.appointmentId()) instanceof NotificationSent);
		twilio.requests().clear();
		// Twenty texts take ten seconds at this pace: about half fit before 21:00.
		clock.set(NINE_PM.minusSeconds(6));
		List<AppointmentConfirmed> confirmations = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			AppointmentConfirmed confirmed = TwilioSmsIntegrationTest.confirmedFor("+128955901" + (10 + i), true);
			confirmations.add(confirmed);
			TwilioSmsIntegrationTest.publish(this.brokers, confirmed);
		}
		await().atMost(Duration.ofSeconds(30))
			.until(() -> confirmations.stream().anyMatch((confirmed) -> isHeld(latest(confirmed.appointmentId()))));
		// Due now, in the night, for an appointment at 07:30: useless by 08:00.
		Instant earlyTomorrow = TODAY.plusDays(1).atTime(LocalTime.of(7, 30)).atZone(TORONTO).toInstant();
		Appointment early = TwilioSmsIntegrationTest.confirmedFor("+12892348160", true).appointment();
		Appointment atHalfPastSeven = new Appointment(early.appointmentId(), early.location(), early.service(),
				early.practitioner(), early.practitionerName(), earlyTomorrow, earlyTomorrow.plusSeconds(3600), TORONTO,
				early.patient(), null, 0);
		publish(new ReminderDue(atHalfPastSeven, "sms-12h", Channel.SMS, clock.instant(), clock.instant()));

		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			for (AppointmentConfirmed confirmed : confirmations) {
				assertThat(latest(confirmed.appointmentId())).satisfiesAnyOf(
						(outcome) -> assertThat(outcome).isInstanceOf(NotificationSent.class),
						(outcome) -> assertThat(isHeld(outcome)).isTrue());
			}
			assertThat(latest(atHalfPastSeven.appointmentId())).isInstanceOfSatisfying(NotificationSuppressed.class,
					(skipped) -> assertThat(skipped.reason()).isEqualTo(NotificationSuppressed.Reason.QUIET_HOURS));
		});
		assertThat(twilio.requests()).isNotEmpty()
			.allSatisfy((request) -> assertThat(clockTimeOf(request)).isBefore(NINE_PM.plus(CHECK_TO_REQUEST)));
		assertThat(twilio.textsTo("+12892348160")).isZero();

		clock.set(EIGHT_AM.plusSeconds(1));

		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			for (AppointmentConfirmed confirmed : confirmations) {
				assertThat(latest(confirmed.appointmentId())).isInstanceOf(NotificationSent.class);
			}
		});
		for (AppointmentConfirmed confirmed : confirmations) {
			assertThat(twilio.acceptedTo(confirmed.appointment().patient().mobilePhone())).hasSize(1);
		}
	}

	private static boolean isHeld(NotificationOutcome outcome) {
		return outcome instanceof NotificationFailed failed && NotificationDelivery.HELD.equals(failed.errorCode());
	}

	private static Instant clockTimeOf(Map<String, String> request) {
		return Instant.ofEpochMilli(Long.parseLong(request.get("receivedAt"))).plus(clock.offset());
	}

	private NotificationOutcome latest(AppointmentId appointment) {
		List<NotificationOutcome> outcomes = TopicRecords.values(this.brokers, Topics.NOTIFICATION_OUTCOMES)
			.stream()
			.filter((outcome) -> appointment.equals(outcome.appointmentId()))
			.filter((outcome) -> !(outcome instanceof NotificationFailed failed
					&& NotificationLedger.SENDING.equals(failed.reason())))
			.toList();
		return outcomes.isEmpty() ? null : outcomes.get(outcomes.size() - 1);
	}

	private void publish(ReminderDue notice) throws Exception {
		try (var producer = new org.apache.kafka.clients.producer.KafkaProducer<>(
				Map.<String, Object>of(org.apache.kafka.clients.producer.ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
						this.brokers),
				Topics.DUE_NOTICES.keySerde().serializer(), Topics.DUE_NOTICES.valueSerde().serializer())) {
			producer
				.send(new org.apache.kafka.clients.producer.ProducerRecord<>(Topics.DUE_NOTICES.name(),
						notice.appointmentId(), notice))
				.get();
		}
	}

	/**
	 * A clock that runs at the real pace from a chosen moment, and can be set forward.
	 */
	static final class MovableClock extends Clock {

		private volatile Duration offset;

		MovableClock(Instant now) {
			set(now);
		}

		void set(Instant now) {
			this.offset = Duration.between(Instant.now(), now);
		}

		Duration offset() {
			return this.offset;
		}

		@Override
		public Instant instant() {
			return Instant.now().plus(this.offset);
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			throw new UnsupportedOperationException("UTC only");
		}

	}

}
