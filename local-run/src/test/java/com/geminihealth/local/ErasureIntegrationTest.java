package com.geminihealth.local;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.geminihealth.dashboard.DashboardApplication;
import com.geminihealth.intake.IntakeApplication;
import com.geminihealth.platform.test.TopicRecords;
import com.geminihealth.schemas.Topic;
import com.geminihealth.schemas.Topics;
import com.geminihealth.schemas.appointment.AppointmentState;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The operations role erases a patient on the dashboard, and their email address and
 * phone number are gone from every topic the pipeline keeps for good (the latest record
 * of each key, as compaction leaves it), from every service's state (their changelogs),
 * and from the local outbox and SMS sandbox; their appointment stays, anonymised. What
 * remains are the bounded streams, which age out as the README says, and repartition
 * topics, which Kafka Streams purges once read.
 */
class ErasureIntegrationTest {

	private static final ZoneId CLINIC_ZONE = ZoneId.of("America/Toronto");

	private final Path dataDir = Path.of("target", "erasure-" + UUID.randomUUID());

	@Test
	void erasesAPatientsEmailAndPhoneFromEveryTopicStoreAndFileTheyWereIn() throws Exception {
		String tag = UUID.randomUUID().toString().replaceAll("[^a-z]", "");
		String email = "erase-" + tag + "@example.com";
		String phone = "+1905555" + String.format("%04d", Math.floorMod(tag.hashCode(), 10_000));
		LocalDate monday = LocalDate.now(CLINIC_ZONE).plusWeeks(2).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
		try (LocalPipeline pipeline = LocalPipeline.start(this.dataDir, 0, LocalPipeline.PortPlan.ANY_FREE)) {
			String intake = pipeline.url(IntakeApplication.class);
			String requestId = book(intake, "Erin " + tag, email, phone, monday + "T10:00");
			post(intake + "/api/inquiries", """
					{"name": "Erin", "email": "%s", "message": "About my back"}""".formatted(email));
			await().atMost(Duration.ofSeconds(60)).until(() -> MessageFiles.emailsMentioning(this.dataDir, email) >= 2);
			// The confirmation's text, unless it is quiet hours at the clinic now.
			await().atMost(Duration.ofSeconds(10))
				.until(() -> MessageFiles.textsMentioning(this.dataDir, phone) >= 1 || quietHoursNow());
			assertThat(everythingKeptMentioning(pipeline.bootstrapServers(), email)).isNotEmpty();

			DashboardUser ops = new DashboardUser(pipeline.url(DashboardApplication.class), "ops", "ops-gemini");
			ops.get("/erasure?contact=" + URLEncoder.encode(email, StandardCharsets.UTF_8));
			assertThat(ops.post("/erasure", Map.of("email", email, "phone", phone))).isLessThan(400);

			await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
				assertThat(everythingKeptMentioning(pipeline.bootstrapServers(), email)).isEmpty();
				assertThat(everythingKeptMentioning(pipeline.bootstrapServers(), phone)).isEmpty();
				assertThat(MessageFiles.emailsMentioning(this.dataDir, email)).isZero();
				assertThat(MessageFiles.textsMentioning(this.dataDir, phone)).isZero();
			});
			assertThat(TopicRecords.read(pipeline.bootstrapServers(), Topics.APPOINTMENT_STATES))
				.filteredOn((record) -> record.key().value().equals(requestId))
				.last()
				.satisfies((record) -> {
					AppointmentState state = record.value();
					assertThat(state.appointment().start()).isNotNull();
					assertThat(state.appointment().patient().name()).doesNotContain(tag);
				});
		}
	}

	/**
	 * Where {@code text} is still kept: in the latest record of a key, on every topic but
	 * the bounded streams, Kafka's own and the repartition topics.
	 */
	private static List<String> everythingKeptMentioning(String bootstrapServers, String text) throws Exception {
		Set<String> bounded = Set.copyOf(Topics.ALL.stream()
			.filter((topic) -> "delete".equals(topic.configs().get("cleanup.policy")))
			.map(Topic::name)
			.toList());
		List<String> found = new ArrayList<>();
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
			for (String topic : admin.listTopics().names().get()) {
				if (bounded.contains(topic) || topic.startsWith("__") || topic.endsWith("-repartition")) {
					continue;
				}
				Map<String, byte[]> latest = new HashMap<>();
				for (ConsumerRecord<byte[], byte[]> record : TopicRecords.raw(bootstrapServers, topic)) {
					latest.put((record.key() != null) ? new String(record.key(), StandardCharsets.ISO_8859_1) : "",
							record.value());
				}
				latest.forEach((key, value) -> {
					if (value != null && (key.contains(text) || new String(value, StandardCharsets.UTF_8).contains(text)
							|| new String(value, StandardCharsets.ISO_8859_1).contains(text))) {
						found.add(topic + " key " + key.hashCode());
					}
				});
			}
		}
		return found;
	}

	private static boolean quietHoursNow() {
		int hour = LocalTime.now(CLINIC_ZONE).getHour();
		return hour >= 21 || hour < 8;
	}

	private static String book(String intake, String name, String email, String phone, String start) throws Exception {
		String accepted = post(intake + "/api/bookings", """
				{"patientName": "%s", "email": "%s", "mobilePhone": "%s", "smsConsent": true,
				 "location": "burlington", "service": "rmt-swedish-60", "practitioner": "maya-chen",
				 "requestedStart": "%s", "notes": "Left shoulder"}""".formatted(name, email, phone, start));
		String requestId = field(accepted, "requestId");
		await().atMost(Duration.ofSeconds(30))
			.until(() -> get(intake + "/api/bookings/" + requestId).contains("\"status\":\"CONFIRMED\""));
		return requestId;
	}

	private static String post(String url, String json) throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(url))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(json))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
		return response.body();
	}

	private static String get(String url) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString())
			.body();
	}

	private static String field(String json, String name) {
		Matcher matcher = Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(json);
		assertThat(matcher.find()).as(json).isTrue();
		return matcher.group(1);
	}

}
