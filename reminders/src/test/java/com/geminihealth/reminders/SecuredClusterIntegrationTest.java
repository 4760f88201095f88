package com.geminihealth.reminders;

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
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;

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
import com.geminihealth.schemas.patient.OptedOut;
import com.geminihealth.schemas.patient.PatientContact;
import com.geminihealth.schemas.patient.PatientReply;
import com.geminihealth.schemas.patient.ReplySource;
import com.geminihealth.schemas.reminder.Channel;
import com.geminihealth.schemas.reminder.ReminderDue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The reminders scheduler, a Kafka Streams application with exactly-once, repartition and
 * changelog topics of its own, on a cluster that enforces the ACLs generated from the
 * catalogue, signed in as its own account through Spring Boot's properties only: it
 * creates its internal topics, fires a reminder and folds an opt-out into preferences,
 * and may not write the replies it reads.
 */
class SecuredClusterIntegrationTest {

	static SecuredCatalogueCluster cluster;

	static ConfigurableApplicationContext reminders;

	@BeforeAll
	static void startOnASecuredCluster() {
		cluster = SecuredCatalogueCluster.start();
		List<String> arguments = new ArrayList<>(cluster.springArguments(ServiceAccount.REMINDERS));
		arguments.addAll(List.of("--server.port=0", "--management.server.port=0",
				"--spring.kafka.streams.state-dir="
						+ Path.of("target", "secured-cluster-state", UUID.randomUUID().toString()).toAbsolutePath(),
				"--reminders.tick=100ms", "--reminders.policy.rules[0].name=email-2h",
				"--reminders.policy.rules[0].channel=email", "--reminders.policy.rules[0].before=2h",
				"--logging.structured.format.console=", "--spring.main.banner-mode=off"));
		reminders = RemindersApplication.builder().run(arguments.toArray(String[]::new));
	}

	@AfterAll
	static void stop() {
		if (reminders != null) {
			reminders.close();
		}
		if (cluster != null) {
			cluster.close();
		}
	}

	@Test
	void remindsOfAConfirmedAppointmentAndFoldsAnOptOut() throws Exception {
		Instant start = Instant.now().plus(Duration.ofHours(2)).plusSeconds(3);
		Patient patient = new Patient("Noah Singh", "noah@example.com", "+12895580001", Language.EN,
				new Consent(true, false, false));
		Appointment appointment = new Appointment(AppointmentId.random(), new LocationId("burlington"),
				new ServiceId("rmt-swedish-60"), new PractitionerId("maya-chen"), "Maya Chen", start,
				start.plus(Duration.ofHours(1)), ZoneId.of("America/Toronto"), patient, null, 0);
		PatientContact contact = new PatientContact("+12895580002");
		try (KafkaProducer<AppointmentId, AppointmentEvent> decider = new KafkaProducer<>(
				cluster.client(ServiceAccount.BOOKING_INTAKE), Topics.APPOINTMENTS.keySerde().serializer(),
				Topics.APPOINTMENTS.valueSerde().serializer());
				KafkaProducer<PatientContact, PatientReply> intake = new KafkaProducer<>(
						cluster.client(ServiceAccount.BOOKING_INTAKE), Topics.PATIENT_REPLIES.keySerde().serializer(),
						Topics.PATIENT_REPLIES.valueSerde().serializer())) {
			decider
				.send(new ProducerRecord<>(Topics.APPOINTMENTS.name(), appointment.appointmentId(),
						new AppointmentConfirmed(RequestId.random(), appointment)))
				.get(30, TimeUnit.SECONDS);
			intake
				.send(new ProducerRecord<>(Topics.PATIENT_REPLIES.name(), contact,
						new OptedOut(contact, Channel.SMS, "STOP", ReplySource.SMS_KEYWORD, Instant.now())))
				.get(30, TimeUnit.SECONDS);
		}

		await().atMost(Duration.ofSeconds(90))
			.untilAsserted(() -> assertThat(cluster.values(ServiceAccount.NOTIFICATIONS, Topics.DUE_NOTICES))
				.anyMatch((notice) -> notice instanceof ReminderDue due
						&& due.appointment().appointmentId().equals(appointment.appointmentId())));
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(cluster.values(ServiceAccount.NOTIFICATIONS, Topics.PATIENT_PREFERENCES))
				.anyMatch((preferences) -> preferences != null && preferences.contact().equals(contact)
						&& preferences.optedOut().contains(Channel.SMS)));
		assertThat(reminders.getBean(org.springframework.kafka.config.StreamsBuilderFactoryBean.class)
			.getKafkaStreams()
			.state()).isEqualTo(KafkaStreams.State.RUNNING);
	}

	@Test
	void theSchedulerMayNotWriteTheRepliesItReads() {
		EventPublisher publisher = reminders.getBean(EventPublisher.class);
		PatientContact contact = new PatientContact("+12895580003");

		assertThatThrownBy(() -> publisher.publish(Topics.PATIENT_REPLIES, contact,
				new OptedOut(contact, Channel.SMS, "STOP", ReplySource.SMS_KEYWORD, Instant.now())))
			.hasRootCauseInstanceOf(TopicAuthorizationException.class);
	}

}
