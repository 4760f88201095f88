package com.geminihealth.notifications;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;

import com.geminihealth.broker.BrokerSecurity;
import com.geminihealth.broker.KraftCluster;
import com.geminihealth.notifications.sms.TwilioStub;
import com.geminihealth.platform.CatalogueProvisioning;
import com.geminihealth.platform.EventPublisher;
import com.geminihealth.platform.TopicProperties;
import com.geminihealth.schemas.CatalogueAcls;
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
import com.geminihealth.schemas.notification.NotificationId;
import com.geminihealth.schemas.notification.NotificationOutcome;
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

	static BrokerSecurity security;

	static KraftCluster cluster;

	static TwilioStub twilio;

	static ConfigurableApplicationContext notifications;

	@BeforeAll
	static void startOnASecuredCluster() {
		security = BrokerSecurity.withRandomPasswords("pipeline-admin",
				Arrays.stream(ServiceAccount.values()).map(ServiceAccount::user).toList());
		cluster = KraftCluster.start(Path.of("target", "secured-cluster", UUID.randomUUID().toString()), 1, Map.of(),
				security);
		Map<String, Object> admin = client("pipeline-admin");
		try (Admin operator = Admin.create(admin)) {
			CatalogueProvisioning.createTopics(operator, new TopicProperties(3, (short) 1, Map.of(), false));
		}
		cluster.applyAcls(CatalogueAcls.all());
		twilio = new TwilioStub();
		Map<String, Object> own = security.clientSettings(ServiceAccount.NOTIFICATIONS.user());
		notifications = NotificationsApplication.builder()
			.run("--spring.kafka.bootstrap-servers=" + cluster.bootstrapServers(),
					"--spring.kafka.security.protocol=" + own.get(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG),
					"--spring.kafka.properties.sasl.mechanism=" + own.get(SaslConfigs.SASL_MECHANISM),
					"--spring.kafka.properties.sasl.jaas.config=" + own.get(SaslConfigs.SASL_JAAS_CONFIG),
					"--pipeline.topics.declare=false", "--server.port=0", "--management.server.port=0",
					"--logging.structured.format.console=", "--spring.main.banner-mode=off",
					"--pipeline.data-dir=" + Path.of("target", "secured-cluster-data", UUID.randomUUID().toString()),
					"--notifications.sms.account-sid=AC00000000000000000000000000000001",
					"--notifications.sms.auth-token=secret-token",
					"--notifications.sms.messaging-service-sid=MG00000000000000000000000000000001",
					"--notifications.sms.api-base-url=" + twilio.baseUrl(),
					"--notifications.sms.quiet-hours.start=00:00", "--notifications.sms.quiet-hours.end=00:00");
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
				client(ServiceAccount.BOOKING_INTAKE.user()), Topics.APPOINTMENTS.keySerde().serializer(),
				Topics.APPOINTMENTS.valueSerde().serializer())) {
			decider.send(new ProducerRecord<>(Topics.APPOINTMENTS.name(), confirmed.appointmentId(), confirmed))
				.get(30, TimeUnit.SECONDS);
		}

		await().atMost(Duration.ofSeconds(60)).until(() -> twilio.textsTo(phone) == 1);
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(
					() -> assertThat(outcomesAsTheDashboardReadsThem()).anyMatch(NotificationSent.class::isInstance));
		assertThat(twilio.textsTo(phone)).isEqualTo(1);
	}

	@Test
	void theServiceCannotWriteAppointments() {
		EventPublisher publisher = notifications.getBean(EventPublisher.class);
		AppointmentConfirmed forged = confirmedFor("+12895570002");

		assertThatThrownBy(() -> publisher.publish(Topics.APPOINTMENTS, forged.appointmentId(), forged))
			.hasRootCauseInstanceOf(TopicAuthorizationException.class);
	}

	private static List<NotificationOutcome> outcomesAsTheDashboardReadsThem() {
		Map<String, Object> config = client(ServiceAccount.DASHBOARD.user());
		config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		List<NotificationOutcome> outcomes = new ArrayList<>();
		try (KafkaConsumer<NotificationId, NotificationOutcome> reader = new KafkaConsumer<>(config,
				Topics.NOTIFICATION_OUTCOMES.keySerde().deserializer(),
				Topics.NOTIFICATION_OUTCOMES.valueSerde().deserializer())) {
			List<TopicPartition> partitions = reader.partitionsFor(Topics.NOTIFICATION_OUTCOMES.name())
				.stream()
				.map((info) -> new TopicPartition(info.topic(), info.partition()))
				.toList();
			reader.assign(partitions);
			reader.seekToBeginning(partitions);
			Map<TopicPartition, Long> ends = reader.endOffsets(partitions);
			while (partitions.stream().anyMatch((partition) -> reader.position(partition) < ends.get(partition))) {
				reader.poll(Duration.ofMillis(200)).forEach((record) -> outcomes.add(record.value()));
			}
		}
		return outcomes;
	}

	private static Map<String, Object> client(String user) {
		Map<String, Object> config = new HashMap<>(security.clientSettings(user));
		config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
		return config;
	}

	private static AppointmentConfirmed confirmedFor(String phone) {
		AppointmentId id = AppointmentId.random();
		Instant start = Instant.now().plus(Duration.ofDays(3));
		Patient patient = new Patient("Olivia Martin", null, phone, Language.EN, new Consent(true, false));
		return new AppointmentConfirmed(new RequestId(id.uuid()),
				new Appointment(id, new LocationId("burlington"), new ServiceId("rmt-swedish-60"),
						new PractitionerId("maya-chen"), "Maya Chen", start, start.plus(Duration.ofHours(1)),
						ZoneId.of("America/Toronto"), patient, null, 0));
	}

}
