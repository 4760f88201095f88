package com.geminihealth.reminders;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.KafkaStreams;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

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
import com.geminihealth.schemas.reminder.ReminderDue;

/**
 * Runs reminders instances on a broker of their own, so that no other test's scheduler
 * writes to the same notices topic: in this JVM, or in a child JVM that a test can kill.
 * The policy is one email 2 h before (email, so quiet hours never move it whatever the
 * time of day the test runs), and the scheduler ticks every 100 ms.
 */
final class ReminderRuns {

	/** Its own KRaft broker, configured for exactly-once and quick rebalances. */
	static EmbeddedKafkaBroker broker() {
		EmbeddedKafkaBroker broker = new EmbeddedKafkaKraftBroker(1, 3)
			.brokerProperties(Map.of("auto.create.topics.enable", "false", "transaction.state.log.replication.factor",
					"1", "transaction.state.log.min.isr", "1", "group.initial.rebalance.delay.ms", "0"))
			// leaves spring.embedded.kafka.brokers pointing at the module's shared broker
			.brokerListProperty("reminders.own.broker");
		broker.afterPropertiesSet();
		return broker;
	}

	static List<String> arguments(EmbeddedKafkaBroker broker, Path stateDir, int port) {
		return List.of("--server.port=" + port, "--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
				"--spring.kafka.streams.state-dir=" + stateDir.toAbsolutePath(), "--reminders.tick=100ms",
				"--reminders.policy.rules[0].name=email-2h", "--reminders.policy.rules[0].channel=email",
				"--reminders.policy.rules[0].before=2h",
				// A killed instance's tasks move after this, and its open transaction is
				// aborted after the other.
				"--spring.kafka.streams.properties.session.timeout.ms=6000",
				"--spring.kafka.streams.properties.heartbeat.interval.ms=1000",
				"--spring.kafka.streams.properties.producer.transaction.timeout.ms=5000",
				"--logging.structured.format.console=", "--spring.main.banner-mode=off");
	}

	static ConfigurableApplicationContext start(EmbeddedKafkaBroker broker, Path stateDir) {
		return RemindersApplication.builder().run(arguments(broker, stateDir, 0).toArray(String[]::new));
	}

	/**
	 * A reminders instance in a JVM of its own, logging to {@code log}, its health on
	 * {@code managementPort}.
	 */
	static Process startChild(EmbeddedKafkaBroker broker, Path stateDir, int managementPort, Path log)
			throws IOException {
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
						"-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
						RemindersApplication.class.getName()));
		command.addAll(arguments(broker, stateDir, freePort()));
		command.add("--management.server.port=" + managementPort);
		return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
	}

	static KafkaStreams.State state(ConfigurableApplicationContext instance) {
		KafkaStreams streams = instance.getBean(StreamsBuilderFactoryBean.class).getKafkaStreams();
		return (streams != null) ? streams.state() : KafkaStreams.State.CREATED;
	}

	static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	/**
	 * Confirms {@code count} appointments, each for another patient, whose reminders fall
	 * due from {@code firstDue} on, {@code spacing} apart.
	 */
	static List<Appointment> confirm(EmbeddedKafkaBroker broker, int count, Instant firstDue, Duration spacing) {
		List<Appointment> appointments = new ArrayList<>();
		Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
				ProducerConfig.ACKS_CONFIG, "all");
		try (KafkaProducer<AppointmentId, AppointmentEvent> producer = new KafkaProducer<>(config,
				Topics.APPOINTMENTS.keySerde().serializer(), Topics.APPOINTMENTS.valueSerde().serializer())) {
			for (int i = 0; i < count; i++) {
				Instant start = firstDue.plus(spacing.multipliedBy(i)).plus(Duration.ofHours(2));
				Patient patient = new Patient("Patient " + i, "patient" + i + "@example.com",
						"+1289555" + String.format("%04d", i), Language.EN, new Consent(true, true, false));
				Appointment appointment = new Appointment(AppointmentId.random(), new LocationId("burlington"),
						new ServiceId("rmt-swedish-60"), new PractitionerId("maya-chen"), "Maya Chen", start,
						start.plus(Duration.ofHours(1)), ZoneId.of("America/Toronto"), patient, null, 0);
				producer.send(new ProducerRecord<>(Topics.APPOINTMENTS.name(), appointment.appointmentId(),
						new AppointmentConfirmed(RequestId.random(), appointment)));
				appointments.add(appointment);
			}
			producer.flush();
		}
		return appointments;
	}

	/**
	 * The reminders fired so far, as an independent read_committed consumer sees them.
	 */
	static List<ReminderDue> fired(EmbeddedKafkaBroker broker) {
		return TopicRecords.values(broker.getBrokersAsString(), Topics.DUE_NOTICES)
			.stream()
			.filter(ReminderDue.class::isInstance)
			.map(ReminderDue.class::cast)
			.toList();
	}

	private ReminderRuns() {
	}

}
