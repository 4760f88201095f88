package com.geminihealth.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import com.geminihealth.dashboard.DashboardApplication;
import com.geminihealth.intake.IntakeApplication;
import com.geminihealth.platform.test.TopicRecords;
import com.geminihealth.schemas.Topic;
import com.geminihealth.schemas.Topics;
import com.geminihealth.schemas.appointment.AppointmentCompleted;
import com.geminihealth.schemas.notification.NotificationSuppressed;
import com.geminihealth.schemas.patient.OptedOut;
import com.geminihealth.schemas.patient.PatientContact;
import com.geminihealth.schemas.patient.PatientReply;
import com.geminihealth.schemas.patient.ReplySource;
import com.geminihealth.schemas.reminder.Channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What must last outlives the retention of the streams that carried it. The whole
 * pipeline runs with every bounded topic kept for seconds; once the broker has deleted
 * their records, every service starts again on what is left: the compacted topics and the
 * services' own state.
 */
class RetentionIntegrationTest {

	private static final ZoneId CLINIC_ZONE = ZoneId.of("America/Toronto");

	private static final Duration SHORT = Duration.ofSeconds(5);

	private final Path dataDir = Path.of("target", "retention-" + UUID.randomUUID());

	private final String tag = UUID.randomUUID().toString().replaceAll("[^a-z]", "");

	@Test
	void anOldOptOutStillSuppressesAnOldBookingIsStillOnTheCalendarAndNothingIsSentAgain() throws Exception {
		String booked = "booked-" + this.tag + "@example.com";
		// Emails know no quiet hours: the test means the same at any time of day.
		String optedOut = "opted-out-" + this.tag + "@example.com";
		LocalDate nextMonth = LocalDate.now(CLINIC_ZONE).plusWeeks(4).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
		String appointmentId;
		try (LocalPipeline pipeline = start()) {
			appointmentId = bookAndAwaitConfirmation(pipeline, "Long Ago", booked, null, nextMonth + "T09:00");
			optOutOfEmails(pipeline, optedOut);
			await().atMost(Duration.ofSeconds(30))
				.until(() -> TopicRecords.values(pipeline.bootstrapServers(), Topics.PATIENT_PREFERENCES)
					.stream()
					.anyMatch((preferences) -> preferences.contact().value().equals(optedOut)
							&& preferences.optedOut(Channel.EMAIL)));
			await().atMost(Duration.ofSeconds(30)).until(() -> emailsTo(booked) == 1);
			awaitEveryBoundedTopicEmptied(pipeline.bootstrapServers());
		}

		try (LocalPipeline restarted = start()) {
			String bootstrap = restarted.bootstrapServers();
			String later = bookAndAwaitConfirmation(restarted, "Opted Out", optedOut, null, nextMonth + "T11:00");
			await().atMost(Duration.ofSeconds(30))
				.untilAsserted(() -> assertThat(TopicRecords.values(bootstrap, Topics.NOTIFICATION_OUTCOMES))
					.anySatisfy((outcome) -> assertThat(outcome).isInstanceOfSatisfying(NotificationSuppressed.class,
							(suppressed) -> {
								assertThat(suppressed.appointmentId().value()).isEqualTo(later);
								assertThat(suppressed.channel()).isEqualTo(Channel.EMAIL);
								assertThat(suppressed.reason()).isEqualTo(NotificationSuppressed.Reason.OPTED_OUT);
							})));
			assertThat(emailsTo(optedOut)).isZero();
			// Nothing sent before the retention is sent again after it.
			assertThat(emailsTo(booked)).isEqualTo(1);

			DashboardUser desk = new DashboardUser(restarted.url(DashboardApplication.class), "frontdesk",
					"frontdesk-gemini");
			assertThat(desk.get("/today?date=" + nextMonth + "&location=burlington"))
				.contains("data-appointment-id=\"" + appointmentId + "\"");
			assertThat(desk.post("/today/" + appointmentId + "/completed", Map.of())).isEqualTo(302);
			await().atMost(Duration.ofSeconds(30))
				.untilAsserted(() -> assertThat(TopicRecords.values(bootstrap, Topics.APPOINTMENTS))
					.anySatisfy((event) -> assertThat(event).isInstanceOfSatisfying(AppointmentCompleted.class,
							(completed) -> assertThat(completed.appointmentId().value()).isEqualTo(appointmentId))));

		}
	}

	private LocalPipeline start() throws Exception {
		List<String> retention = new ArrayList<>();
		for (Topic<?, ?> topic : Topics.ALL) {
			if ("delete".equals(topic.configs().get("cleanup.policy"))) {
				retention.add("--pipeline.topics.retention." + topic.name() + "=" + SHORT);
			}
		}
		return LocalPipeline.start(this.dataDir, 0, Map.of("log.retention.check.interval.ms", "500"),
				LocalPipeline.PortPlan.ANY_FREE, retention.toArray(String[]::new));
	}

	/**
	 * Waits until the broker has deleted every record of every bounded topic, as its
	 * retention does with a week-old command or a month-old reply.
	 */
	private static void awaitEveryBoundedTopicEmptied(String bootstrapServers) {
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
			List<String> bounded = Topics.ALL.stream()
				.filter((topic) -> "delete".equals(topic.configs().get("cleanup.policy")))
				.map(Topic::name)
				.toList();
			await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).until(() -> {
				// Only what was written: a topic nobody wrote to is empty from the start.
				Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
				Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
				admin.describeTopics(bounded).allTopicNames().get().values().forEach((description) -> {
					description.partitions().forEach((partition) -> {
						TopicPartition key = new TopicPartition(description.name(), partition.partition());
						earliest.put(key, OffsetSpec.earliest());
						latest.put(key, OffsetSpec.latest());
					});
				});
				var starts = admin.listOffsets(earliest).all().get();
				var ends = admin.listOffsets(latest).all().get();
				return ends.entrySet()
					.stream()
					.allMatch((end) -> starts.get(end.getKey()).offset() == end.getValue().offset());
			});
		}
	}

	private String bookAndAwaitConfirmation(LocalPipeline pipeline, String name, String email, String phone,
			String start) throws Exception {
		String intake = pipeline.url(IntakeApplication.class);
		String json = """
				{"patientName": "%s %s", "email": "%s", %s "location": "burlington",
				 "service": "rmt-swedish-60", "practitioner": "maya-chen", "requestedStart": "%s"}""".formatted(name,
				this.tag, email, (phone != null) ? "\"mobilePhone\": \"" + phone + "\", \"smsConsent\": true," : "",
				start);
		HttpResponse<String> accepted = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(intake + "/api/bookings"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(json))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
		String statusUrl = intake + field(accepted.body(), "statusUrl");
		await().atMost(Duration.ofSeconds(30))
			.until(() -> HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create(statusUrl)).build(), HttpResponse.BodyHandlers.ofString())
				.body()
				.contains("\"status\":\"CONFIRMED\""));
		return field(accepted.body(), "requestId");
	}

	/** An email address unsubscribed, as the front desk records it on the dashboard. */
	private static void optOutOfEmails(LocalPipeline pipeline, String email) throws Exception {
		Topic<PatientContact, PatientReply> replies = Topics.PATIENT_REPLIES;
		try (KafkaProducer<PatientContact, PatientReply> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, pipeline.bootstrapServers()),
				replies.keySerde().serializer(), replies.valueSerde().serializer())) {
			PatientContact contact = new PatientContact(email);
			producer
				.send(new ProducerRecord<>(replies.name(), contact,
						new OptedOut(contact, Channel.EMAIL, "UNSUBSCRIBE", ReplySource.FRONT_DESK, Instant.now())))
				.get();
		}
	}

	private long emailsTo(String email) throws IOException {
		return MessageFiles.emailsMentioning(this.dataDir, email);
	}

	private static String field(String json, String name) {
		Matcher matcher = Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(json);
		assertThat(matcher.find()).as(json).isTrue();
		return matcher.group(1);
	}

}
