package com.geminihealth.notifications.sms;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import com.geminihealth.notifications.NotificationsApplication;
import com.geminihealth.platform.test.TopicRecords;
import com.geminihealth.schemas.Topics;
import com.geminihealth.schemas.appointment.Appointment;
import com.geminihealth.schemas.appointment.AppointmentConfirmed;
import com.geminihealth.schemas.appointment.AppointmentEvent;
import com.geminihealth.schemas.booking.AppointmentId;
import com.geminihealth.schemas.booking.Consent;
import com.geminihealth.schemas.booking.Language;
import com.geminihealth.schemas.booking.LocationId;
import com.geminihealth.schemas.booking.Patient;
import com.geminihealth.schemas.booking.PractitionerId;
import com.geminihealth.schemas.booking.RequestId;
import com.geminihealth.schemas.booking.ServiceId;
import com.geminihealth.schemas.notification.NotificationOutcome;
import com.geminihealth.schemas.notification.NotificationSent;
import com.geminihealth.schemas.notification.NotificationSuppressed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The service stops in the middle of a batch and, as after a crash before its offsets
 * were committed, starts again from the beginning of the stream: every confirmation is
 * texted exactly once, those sent before the stop being recognised from the outcome
 * stream. On a broker of its own, so that no other test's listeners share its consumer
 * groups.
 */
class RestartMidBatchIntegrationTest {

	static final int BATCH = 120;

	final EmbeddedKafkaBroker broker = new EmbeddedKafkaKraftBroker(1, 3)
		.brokerListProperty("notifications.restart-test.brokers")
		.brokerProperties(Map.of("transaction.state.log.replication.factor", "1", "transaction.state.log.min.isr", "1",
				"auto.create.topics.enable", "false"));

	final TwilioStub twilio = new TwilioStub();

	ConfigurableApplicationContext notifications;

	@AfterEach
	void stop() {
		if (this.notifications != null) {
			this.notifications.close();
		}
		this.twilio.close();
		this.broker.destroy();
	}

	@Test
	void textsEveryConfirmationOnceAcrossARestartThatRedeliversTheWholeBatch() throws Exception {
		this.broker.afterPropertiesSet();
		this.notifications = start();
		List<String> phones = new ArrayList<>();
		try (KafkaProducer<AppointmentId, AppointmentEvent> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers()), Topics.APPOINTMENTS.keySerde().serializer(),
				Topics.APPOINTMENTS.valueSerde().serializer())) {
			for (int i = 0; i < BATCH; i++) {
				String phone = "+1289556" + String.format("%04d", i);
				phones.add(phone);
				AppointmentConfirmed confirmed = confirmedFor(phone);
				producer.send(new ProducerRecord<>(Topics.APPOINTMENTS.name(), confirmed.appointmentId(), confirmed));
			}
		}
		await().atMost(Duration.ofSeconds(30)).until(() -> this.twilio.requests().size() >= BATCH / 4);

		this.notifications.close();
		int sentBeforeTheStop = this.twilio.requests().size();
		try (Admin admin = Admin.create(Map.of("bootstrap.servers", brokers()))) {
			// As if it had stopped before committing anything: the whole batch comes
			// again.
			admin.deleteConsumerGroups(List.of("appointment-sms")).all().get();
		}
		this.notifications = start();

		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(phones)
				.allSatisfy((phone) -> assertThat(this.twilio.textsTo(phone)).as("texts to %s", phone).isEqualTo(1)));
		// The last outcome is published just after the stub has answered its text.
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(
					() -> assertThat(outcomes().stream().filter(NotificationSent.class::isInstance)).hasSize(BATCH));
		assertThat(sentBeforeTheStop).isLessThan(BATCH);
		assertThat(outcomes().stream()
			.filter((outcome) -> outcome instanceof NotificationSuppressed suppressed
					&& suppressed.reason() == NotificationSuppressed.Reason.ALREADY_SENT))
			.hasSizeGreaterThanOrEqualTo(sentBeforeTheStop);
	}

	private ConfigurableApplicationContext start() {
		return NotificationsApplication.builder()
			.run("--spring.kafka.bootstrap-servers=" + brokers(), "--server.port=0",
					"--logging.structured.format.console=", "--spring.main.banner-mode=off",
					"--pipeline.data-dir=" + Path.of("target", "restart-test"),
					"--notifications.sms.account-sid=AC00000000000000000000000000000001",
					"--notifications.sms.auth-token=secret-token",
					"--notifications.sms.messaging-service-sid=MG00000000000000000000000000000001",
					"--notifications.sms.api-base-url=" + this.twilio.baseUrl(),
					"--notifications.sms.messages-per-second=40", "--spring.kafka.consumer.max-poll-records=10",
					"--notifications.sms.quiet-hours.start=00:00", "--notifications.sms.quiet-hours.end=00:00");
	}

	private List<NotificationOutcome> outcomes() {
		return TopicRecords.values(brokers(), Topics.NOTIFICATION_OUTCOMES);
	}

	private String brokers() {
		return this.broker.getBrokersAsString();
	}

	private static AppointmentConfirmed confirmedFor(String phone) {
		AppointmentId id = AppointmentId.random();
		Instant start = Instant.now().plus(Duration.ofDays(3));
		Patient patient = new Patient("Olivia Martin", null, phone, Language.EN, new Consent(true, false, false));
		return new AppointmentConfirmed(new RequestId(id.uuid()),
				new Appointment(id, new LocationId("burlington"), new ServiceId("rmt-swedish-60"),
						new PractitionerId("maya-chen"), "Maya Chen", start, start.plus(Duration.ofHours(1)),
						ZoneId.of("America/Toronto"), patient, null, 0));
	}

}
