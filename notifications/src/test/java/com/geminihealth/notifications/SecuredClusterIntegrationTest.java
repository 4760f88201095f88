package com.geminihealth.notifications;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;

import com.geminihealth.notifications.sms.TwilioStub;
import com.geminihealth.platform.EventPublisher;
import com.geminihealth.platform.test.SecuredCatalogueCluster;
import com.geminihealth.schemas.ServiceAccount;
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
import com.geminihealth.schemas.notification.NotificationSent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The notifications service on a cluster that authenticates every client and enforces the
 * ACLs generated from the catalogue, signed in as its own account through Spring Boot's
 * properties only: its listeners, the tables it reads without a group and its publisher
 * all work, a confirmation is texted once with its outcome recorded, and the service may
 * not write {@code appointments}.
 */
class SecuredClusterIntegrationTest {

	static SecuredCatalogueCluster cluster;

	static TwilioStub twilio;

	static ConfigurableApplicationContext notifications;

	@BeforeAll
	static void startOnASecuredCluster() {
		cluster = SecuredCatalogueCluster.start();
		twilio = new TwilioStub();
		List<String> arguments = new ArrayList<>(cluster.springArguments(ServiceAccount.NOTIFICATIONS));
		arguments.addAll(List.of("--server.port=0", "--management.server.port=0",
				"--logging.structured.format.console=", "--spring.main.banner-mode=off",
				"--pipeline.data-dir=" + Path.of("target", "secured-cluster-data", UUID.randomUUID().toString()),
				"--notifications.sms.account-sid=AC00000000000000000000000000000001",
				"--notifications.sms.auth-token=secret-token",
				"--notifications.sms.messaging-service-sid=MG00000000000000000000000000000001",
				"--notifications.sms.api-base-url=" + twilio.baseUrl(), "--notifications.sms.quiet-hours.start=00:00",
				"--notifications.sms.quiet-hours.end=00:00"));
		notifications = NotificationsApplication.builder().run(arguments.toArray(String[]::new));
	}

	@AfterAll
	static void stop() {
		if (notifications != null) {
			notifications.close();
		}
		if (twilio != null) {
			twilio.close();
		}
		if (cluster != null) {
			cluster.close();
		}
	}

	@Test
	void textsAConfirmationOnceAndRecordsItsOutcome() throws Exception {
		String phone = "+12895570001";
		AppointmentConfirmed confirmed = confirmedFor(phone);
		try (KafkaProducer<AppointmentId, AppointmentEvent> decider = new KafkaProducer<>(
				cluster.client(ServiceAccount.BOOKING_INTAKE), Topics.APPOINTMENTS.keySerde().serializer(),
				Topics.APPOINTMENTS.valueSerde().serializer())) {
			decider.send(new ProducerRecord<>(Topics.APPOINTMENTS.name(), confirmed.appointmentId(), confirmed))
				.get(30, TimeUnit.SECONDS);
		}

		await().atMost(Duration.ofSeconds(60)).until(() -> twilio.textsTo(phone) == 1);
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(cluster.values(ServiceAccount.DASHBOARD, Topics.NOTIFICATION_OUTCOMES))
				.anyMatch(NotificationSent.class::isInstance));
		assertThat(twilio.textsTo(phone)).isEqualTo(1);
	}

	@Test
	void theServiceCannotWriteAppointments() {
		EventPublisher publisher = notifications.getBean(EventPublisher.class);
		AppointmentConfirmed forged = confirmedFor("+12895570002");

		assertThatThrownBy(() -> publisher.publish(Topics.APPOINTMENTS, forged.appointmentId(), forged))
			.hasRootCauseInstanceOf(TopicAuthorizationException.class);
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
