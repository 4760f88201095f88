package com.geminihealth.notifications;

import java.io.File;
import java.nio.file.Files;
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
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

import com.geminihealth.notifications.delivery.NotificationLedger;
import com.geminihealth.notifications.sms.TwilioStub;
import com.geminihealth.platform.test.TopicRecords;
import com.geminihealth.schemas.CloudEvents;
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
import com.geminihealth.schemas.notification.DeliveryReport;
import com.geminihealth.schemas.notification.NotificationDelivered;
import com.geminihealth.schemas.notification.NotificationFailed;
import com.geminihealth.schemas.notification.NotificationId;
import com.geminihealth.schemas.notification.NotificationOutcome;
import com.geminihealth.schemas.reminder.Channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two notifications instances in one consumer group on the JVM's shared broker (topics of
 * three partitions). Instance A runs in a JVM of its own and is killed with SIGKILL in
 * the middle of a batch, at the worst moment: Twilio has taken one of its texts and the
 * answer has not reached it yet. Instance B, a Spring context in the test's JVM, takes
 * A's partitions over once the broker notices A is gone, and every message is counted
 * where it arrives (GreenMail and the Twilio stub): none twice, none lost; the one in
 * doubt is counted apart, not sent again (B starts past its trigger, which A's claim
 * committed), and settled by Twilio's delivery report.
 * <p>
 * Why a process of its own: {@code kill -9} is what a crash is. The kernel closes A's
 * sockets; no shutdown hook, no listener stop, no offset commit, no LeaveGroup and no
 * producer flush runs, so the broker keeps A in the group until its session times out and
 * hands its partitions over from the last offsets A committed. Inside one JVM a context
 * cannot be made to vanish like that: closing it commits and leaves the group, and the
 * Kafka clients' own threads (heartbeats, sends) would carry on.
 */
class TakeoverAfterKillIntegrationTest {

	static final int BATCH = 40;

	static final ZoneId TORONTO = ZoneId.of("America/Toronto");

	@RegisterExtension
	static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
		.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication())
		.withPerMethodLifecycle(false);

	final TwilioStub twilio = new TwilioStub();

	final String brokers = System.getProperty(EmbeddedKafkaBroker.SPRING_EMBEDDED_KAFKA_BROKERS);

	final Path work = Path.of("target", "takeover-test", UUID.randomUUID().toString());

	Process instanceA;

	ConfigurableApplicationContext instanceB;

	@AfterEach
	void stop() {
		if (this.instanceA != null) {
			this.instanceA.destroyForcibly();
		}
		if (this.instanceB != null) {
			this.instanceB.close();
		}
		this.twilio.close();
		awaitNoClaimLeftOpen();
	}

	/**
	 * A's claim in the middle of its transaction when it was killed holds the ledger's
	 * readers back until the broker aborts it: the next test must not start on that.
	 */
	private void awaitNoClaimLeftOpen() {
		try (Admin admin = Admin.create(Map.of("bootstrap.servers", this.brokers))) {
			Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
			admin.describeTopics(List.of(Topics.NOTIFICATION_OUTCOMES.name()))
				.allTopicNames()
				.get()
				.get(Topics.NOTIFICATION_OUTCOMES.name())
				.partitions()
				.forEach((info) -> latest.put(new TopicPartition(Topics.NOTIFICATION_OUTCOMES.name(), info.partition()),
						OffsetSpec.latest()));
			await().atMost(Duration.ofSeconds(60))
				.until(() -> offsets(admin, latest, IsolationLevel.READ_COMMITTED)
					.equals(offsets(admin, latest, IsolationLevel.READ_UNCOMMITTED)));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Map<TopicPartition, Long> offsets(Admin admin, Map<TopicPartition, OffsetSpec> latest,
			IsolationLevel isolation) throws Exception {
		Map<TopicPartition, Long> offsets = new HashMap<>();
		admin.listOffsets(latest, new ListOffsetsOptions(isolation))
			.all()
			.get()
			.forEach((partition, info) -> offsets.put(partition, info.offset()));
		return offsets;
	}

	@Test
	void sendsEveryMessageOnceWhenAnInstanceIsKilledMidBatchAndTheOtherTakesOver() throws Exception {
		this.instanceA = startInOwnJvm("a");
		this.instanceB = startHere("b");
		awaitBothInstancesHavePartitions();
		// A's fifth text: Twilio takes it, and A is killed before it hears back.
		TwilioStub.Hold held = this.twilio.holdTheAnswerToTheFirst((request) -> fromInstance("a", request)
				&& this.twilio.requests().stream().filter((sent) -> fromInstance("a", sent)).count() >= 5);

		List<AppointmentConfirmed> batch = new ArrayList<>();
		Map<NotificationId, String> destinations = new HashMap<>();
		Thread publishing = new Thread(() -> publishBatch(batch, destinations));
		publishing.start();
		Map<String, String> inDoubt = held.awaitRequest(Duration.ofSeconds(60));
		assertThat(inDoubt).as("a text from instance A").isNotNull();
		this.instanceA.destroyForcibly();
		assertThat(this.instanceA.waitFor()).as("killed by SIGKILL").isEqualTo(137);
		held.release();
		publishing.join();
		long textsBeforeTakeover = this.twilio.requests().size();

		awaitEveryTriggerHandledByTheSurvivor();

		Map<NotificationId, NotificationOutcome> ledger = latestOutcomes();
		Map<String, Long> arrived = arrivals();
		List<NotificationId> duplicated = destinations.entrySet()
			.stream()
			.filter((sent) -> arrived.getOrDefault(sent.getValue(), 0L) > 1)
			.map(Map.Entry::getKey)
			.toList();
		List<NotificationId> unknown = destinations.keySet()
			.stream()
			.filter((id) -> isUnknown(ledger.get(id)))
			.toList();
		List<NotificationId> lost = destinations.entrySet()
			.stream()
			.filter((sent) -> arrived.getOrDefault(sent.getValue(), 0L) == 0 && !unknown.contains(sent.getKey()))
			.map(Map.Entry::getKey)
			.toList();
		System.out.printf("Takeover: %d messages, %d texts before the takeover, %d in doubt, %d duplicated, %d lost%n",
				destinations.size(), textsBeforeTakeover, unknown.size(), duplicated.size(), lost.size());
		assertThat(destinations).hasSize(2 * BATCH);
		assertThat(duplicated).as("sent twice").isEmpty();
		assertThat(lost).as("neither sent nor counted as in doubt").isEmpty();
		NotificationId heldId = new NotificationId(inDoubt.get("StatusCallback").replaceFirst(".*notification=", ""));
		assertThat(unknown).contains(heldId);
		assertThat(this.twilio.textsTo(inDoubt.get("To"))).isEqualTo(1);
		// A's claim committed the group's offset past its trigger: B never had it to
		// withhold.
		assertThat(withheldResends()).as("resends B withheld").isZero();

		// Twilio reports the text delivered: the doubt is settled.
		report(new DeliveryReport(heldId, Channel.SMS, inDoubt.get("sid"), DeliveryReport.Status.DELIVERED, null,
				Instant.now()));
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(latestOutcomes().get(heldId)).isInstanceOf(NotificationDelivered.class));
		assertThat(this.twilio.textsTo(inDoubt.get("To"))).isEqualTo(1);
	}

	private void publishBatch(List<AppointmentConfirmed> batch, Map<NotificationId, String> destinations) {
		try (KafkaProducer<AppointmentId, AppointmentEvent> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.brokers),
				Topics.APPOINTMENTS.keySerde().serializer(), Topics.APPOINTMENTS.valueSerde().serializer())) {
			for (int i = 0; i < BATCH; i++) {
				String phone = "+1289557" + String.format("%04d", i);
				String email = "takeover-" + i + "-" + UUID.randomUUID() + "@example.com";
				AppointmentConfirmed confirmed = confirmedFor(phone, email);
				ProducerRecord<AppointmentId, AppointmentEvent> record = new ProducerRecord<>(
						Topics.APPOINTMENTS.name(), confirmed.appointmentId(), confirmed);
				producer.send(record).get();
				String eventId = CloudEvents.header(record.headers(), CloudEvents.ID);
				batch.add(confirmed);
				destinations.put(NotificationId.of(eventId, "appointment-confirmed", Channel.SMS), phone);
				destinations.put(NotificationId.of(eventId, "appointment-confirmed", Channel.EMAIL), email);
				// Spread over a couple of seconds, so the kill falls in the middle.
				Thread.sleep(40);
			}
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Both instances sit in the groups that send, each with partitions of its own. */
	private void awaitBothInstancesHavePartitions() {
		try (Admin admin = Admin.create(Map.of("bootstrap.servers", this.brokers))) {
			await().atMost(Duration.ofSeconds(120)).until(() -> {
				Map<String, ConsumerGroupDescription> groups = admin
					.describeConsumerGroups(List.of("appointment-sms", "appointment-emails"))
					.all()
					.get();
				return groups.values()
					.stream()
					.allMatch((group) -> group.members().size() == 2 && group.members()
						.stream()
						.allMatch((member) -> !member.assignment().topicPartitions().isEmpty()));
			});
		}
	}

	/** B has committed every trigger of the batch, its own and those it took over. */
	private void awaitEveryTriggerHandledByTheSurvivor() {
		try (Admin admin = Admin.create(Map.of("bootstrap.servers", this.brokers))) {
			await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() -> {
				Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
				for (int partition = 0; partition < 3; partition++) {
					latest.put(new TopicPartition(Topics.APPOINTMENTS.name(), partition), OffsetSpec.latest());
				}
				Map<TopicPartition, Long> ends = new HashMap<>();
				admin.listOffsets(latest).all().get().forEach((partition, info) -> ends.put(partition, info.offset()));
				for (String group : List.of("appointment-sms", "appointment-emails")) {
					Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
						.partitionsToOffsetAndMetadata()
						.get();
					boolean done = ends.entrySet()
						.stream()
						.allMatch((end) -> committed.get(end.getKey()) != null
								&& committed.get(end.getKey()).offset() >= end.getValue());
					if (!done) {
						return false;
					}
				}
				return true;
			});
		}
	}

	/** How many texts and emails reached each phone number and address. */
	private Map<String, Long> arrivals() throws MessagingException {
		Stream<String> texted = this.twilio.requests().stream().map((request) -> request.get("To"));
		List<String> emailed = new ArrayList<>();
		for (MimeMessage message : smtp.getReceivedMessages()) {
			for (Address to : message.getAllRecipients()) {
				emailed.add(to.toString());
			}
		}
		return Stream.concat(texted, emailed.stream())
			.collect(Collectors.groupingBy((destination) -> destination, Collectors.counting()));
	}

	private Map<NotificationId, NotificationOutcome> latestOutcomes() {
		Map<NotificationId, NotificationOutcome> latest = new HashMap<>();
		for (ConsumerRecord<NotificationId, NotificationOutcome> record : TopicRecords.read(this.brokers,
				Topics.NOTIFICATION_OUTCOMES)) {
			latest.put(record.key(), record.value());
		}
		return latest;
	}

	private static boolean isUnknown(NotificationOutcome outcome) {
		return outcome instanceof NotificationFailed failed
				&& NotificationLedger.OUTCOME_UNKNOWN.equals(failed.errorCode());
	}

	private double withheldResends() {
		Counter counter = this.instanceB.getBean(MeterRegistry.class).find("notifications.resends.withheld").counter();
		return (counter != null) ? counter.count() : 0;
	}

	private static boolean fromInstance(String instance, Map<String, String> request) {
		return request.get("authorization") != null && request.get("authorization")
			.equals("Basic " + java.util.Base64.getEncoder()
				.encodeToString(("AC00000000000000000000000000000001:token-" + instance).getBytes()));
	}

	private void report(DeliveryReport report) throws Exception {
		try (KafkaProducer<NotificationId, DeliveryReport> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.brokers),
				Topics.DELIVERY_REPORTS.keySerde().serializer(), Topics.DELIVERY_REPORTS.valueSerde().serializer())) {
			producer.send(new ProducerRecord<>(Topics.DELIVERY_REPORTS.name(), report.notificationId(), report)).get();
		}
	}

	/**
	 * What either instance is started with, its name telling their texts and emails
	 * apart.
	 */
	private List<String> arguments(String instance) {
		return List.of("--spring.kafka.bootstrap-servers=" + this.brokers, "--server.port=0",
				"--management.server.port=0", "--logging.structured.format.console=", "--spring.main.banner-mode=off",
				"--pipeline.data-dir=" + this.work.resolve(instance), "--spring.mail.host=localhost",
				"--spring.mail.port=" + smtp.getSmtp().getPort(),
				"--notifications.messages.from=instance-" + instance + "@geminihealth.example",
				"--notifications.sms.account-sid=AC00000000000000000000000000000001",
				"--notifications.sms.auth-token=token-" + instance,
				"--notifications.sms.messaging-service-sid=MG00000000000000000000000000000001",
				"--notifications.sms.status-callback-url=https://intake.example/twilio/status",
				"--notifications.sms.api-base-url=" + this.twilio.baseUrl(),
				"--notifications.sms.messages-per-second=20", "--notifications.sms.quiet-hours.start=00:00",
				"--notifications.sms.quiet-hours.end=00:00",
				// One consumer per listener and instance, so that each instance owns
				// partitions of each sending group.
				"--spring.kafka.listener.concurrency=1", "--spring.kafka.consumer.max-poll-records=5",
				// The broker notices a dead instance after this long (its minimum).
				"--spring.kafka.consumer.properties.session.timeout.ms=6000",
				"--spring.kafka.consumer.properties.heartbeat.interval.ms=1000");
	}

	private ConfigurableApplicationContext startHere(String instance) {
		return NotificationsApplication.builder().run(arguments(instance).toArray(String[]::new));
	}

	private Process startInOwnJvm(String instance) throws Exception {
		Files.createDirectories(this.work);
		String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m",
						"-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Djava.io.tmpdir=" + this.work.toAbsolutePath(),
						"-cp", classpath, NotificationsApplication.class.getName()));
		command.addAll(arguments(instance));
		File log = this.work.resolve("instance-" + instance + ".log").toFile();
		return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
	}

	private static AppointmentConfirmed confirmedFor(String phone, String email) {
		AppointmentId id = AppointmentId.random();
		Instant start = Instant.now().plus(Duration.ofDays(3));
		Patient patient = new Patient("Olivia Martin", email, phone, Language.EN, new Consent(true, false, false));
		return new AppointmentConfirmed(new RequestId(id.uuid()),
				new Appointment(id, new LocationId("burlington"), new ServiceId("rmt-swedish-60"),
						new PractitionerId("maya-chen"), "Maya Chen", start, start.plus(Duration.ofHours(1)), TORONTO,
						patient, null, 0));
	}

}
