package com.geminihealth.notifications.email;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.geminihealth.notifications.NotificationsApplication;
import com.geminihealth.notifications.delivery.NotificationLedger;
import com.geminihealth.platform.test.TopicRecords;
import com.geminihealth.schemas.Examples;
import com.geminihealth.schemas.Topics;
import com.geminihealth.schemas.appointment.Appointment;
import com.geminihealth.schemas.appointment.AppointmentConfirmed;
import com.geminihealth.schemas.appointment.AppointmentEvent;
import com.geminihealth.schemas.booking.AppointmentId;
import com.geminihealth.schemas.booking.Language;
import com.geminihealth.schemas.booking.Patient;
import com.geminihealth.schemas.booking.RequestId;
import com.geminihealth.schemas.notification.NotificationFailed;
import com.geminihealth.schemas.notification.NotificationOutcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An address the mail server refuses (550) fails for good at once: one outcome, marked
 * permanent, and nothing on the retry stream.
 */
@SpringBootTest(properties = { "spring.config.name=" + NotificationsApplication.CONFIG_NAME,
		"spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}", "spring.mail.host=localhost",
		"logging.structured.format.console=" })
class RefusedAddressIntegrationTest {

	static final ScriptedSmtpServer smtp = start();

	@Value("${spring.embedded.kafka.brokers}")
	String brokers;

	@DynamicPropertySource
	static void mailServer(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.port", smtp::port);
	}

	@AfterAll
	static void stop() throws Exception {
		smtp.close();
	}

	@Test
	void failsForGoodAtOnceWhenTheServerRefusesTheAddress() throws Exception {
		AppointmentConfirmed confirmed = confirmedFor("nobody@example.com");

		publish(confirmed);

		NotificationFailed failed = await().atMost(Duration.ofSeconds(30))
			.until(() -> failureOf(confirmed.appointmentId()), (failure) -> failure != null);
		assertThat(failed.permanent()).isTrue();
		assertThat(failed.attempt()).isOne();
		assertThat(failed.reason()).isEqualTo("the mail server rejected the address");
		assertThat(TopicRecords.values(this.brokers, Topics.NOTIFICATIONS_RETRIES)).noneMatch(
				(retry) -> new String(retry, StandardCharsets.UTF_8).contains(confirmed.appointmentId().value()));
		assertThat(smtp.accepted()).isEmpty();
	}

	private NotificationFailed failureOf(AppointmentId appointment) {
		return TopicRecords.values(this.brokers, Topics.NOTIFICATION_OUTCOMES)
			.stream()
			.filter((outcome) -> appointment.equals(outcome.appointmentId()))
			.filter(NotificationFailed.class::isInstance)
			.map(NotificationFailed.class::cast)
			// Not the outcome recorded just before the server was called.
			.filter((failed) -> !NotificationLedger.SENDING.equals(failed.reason()))
			.findFirst()
			.orElse(null);
	}

	private static AppointmentConfirmed confirmedFor(String to) {
		Appointment example = Examples.of(AppointmentConfirmed.class).appointment();
		AppointmentId id = AppointmentId.random();
		return new AppointmentConfirmed(new RequestId(id.uuid()),
				new Appointment(id, example.location(), example.service(), example.practitioner(),
						example.practitionerName(), example.start(), example.end(), example.zone(),
						new Patient("Olivia Martin", to, null, Language.EN, null), null, 0));
	}

	private void publish(AppointmentEvent event) throws Exception {
		try (KafkaProducer<AppointmentId, AppointmentEvent> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.brokers),
				Topics.APPOINTMENTS.keySerde().serializer(), Topics.APPOINTMENTS.valueSerde().serializer())) {
			producer.send(new ProducerRecord<>(Topics.APPOINTMENTS.name(), event.appointmentId(), event)).get();
		}
	}

	private static ScriptedSmtpServer start() {
		try {
			return new ScriptedSmtpServer();
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
