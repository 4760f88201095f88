package com.geminihealth.local;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.geminihealth.dashboard.DashboardApplication;
import com.geminihealth.intake.IntakeApplication;
import com.geminihealth.notifications.NotificationsApplication;
import com.geminihealth.platform.test.TopicRecords;
import com.geminihealth.reminders.RemindersApplication;
import com.geminihealth.schemas.Topics;
import com.geminihealth.schemas.booking.BookAppointment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class LocalPipelineIntegrationTest {

	private static final String FRONT_DESK = "Basic "
			+ Base64.getEncoder().encodeToString("frontdesk:frontdesk-gemini".getBytes(StandardCharsets.UTF_8));

	final Path dataDir = Path.of("target", "local-pipeline-" + UUID.randomUUID());

	@Test
	void runsEveryServiceAndKeepsBookingsAcrossARestart() throws Exception {
		String firstName = "Restart" + UUID.randomUUID().toString().replaceAll("[^a-z]", "");
		String patient = firstName + " Patient";
		try (LocalPipeline pipeline = LocalPipeline.start(this.dataDir, 0, LocalPipeline.PortPlan.ANY_FREE)) {
			for (Class<?> service : new Class<?>[] { IntakeApplication.class, NotificationsApplication.class,
					RemindersApplication.class, DashboardApplication.class }) {
				assertThat(get(pipeline.managementUrl(service) + "/actuator/health").body())
					.contains("\"status\":\"UP\"");
				assertThat(get(pipeline.url(service) + "/readyz").body()).isEqualTo("{\"status\":\"UP\"}");
			}
			assertThat(book(pipeline.url(IntakeApplication.class), patient).statusCode()).isEqualTo(202);
			// Patients' pages and the front desk's share the classpath here: each shows
			// its own error page.
			HttpResponse<String> patientMissing = page(pipeline.url(IntakeApplication.class) + "/no-such-page", false);
			assertThat(patientMissing.statusCode()).isEqualTo(404);
			assertThat(patientMissing.body()).contains("We could not find that page")
				.doesNotContain("Back to the live feed");
			HttpResponse<String> frontDeskMissing = page(pipeline.url(DashboardApplication.class) + "/no-such-page",
					true);
			assertThat(frontDeskMissing.statusCode()).isEqualTo(404);
			assertThat(frontDeskMissing.body()).contains("That page does not exist", "Back to the live feed");
			// As when deployed apart: their metrics open to a scraper on the management
			// port, no API documents.
			for (Class<?> service : new Class<?>[] { NotificationsApplication.class, RemindersApplication.class }) {
				assertThat(get(pipeline.managementUrl(service) + "/actuator/prometheus").statusCode()).isEqualTo(200);
				assertThat(get(pipeline.url(service) + "/v3/api-docs").statusCode()).isEqualTo(404);
			}
		}

		try (LocalPipeline restarted = LocalPipeline.start(this.dataDir, 0, LocalPipeline.PortPlan.ANY_FREE)) {
			// The dashboard's read models are rebuilt from the topics.
			String feed = restarted.url(DashboardApplication.class) + "/feed?type=BookAppointment";
			await().atMost(Duration.ofSeconds(30))
				.untilAsserted(() -> assertThat(signedIn(feed).body()).contains(firstName));
			assertThat(TopicRecords.values(restarted.bootstrapServers(), Topics.BOOKING_COMMANDS))
				.anySatisfy((command) -> assertThat(command).isInstanceOfSatisfying(BookAppointment.class,
						(book) -> assertThat(book.patient().name()).isEqualTo(patient)));
		}
	}

	private static HttpResponse<String> book(String intake, String patient) throws Exception {
		String start = LocalDate.now(ZoneId.of("America/Toronto")).plusDays(3) + "T11:00";
		String json = """
				{"patientName": "%s", "email": "restart@example.com", "location": "burlington",
				 "service": "rmt-swedish-60", "requestedStart": "%s"}""".formatted(patient, start);
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(intake + "/api/bookings"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(json))
				.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static HttpResponse<String> signedIn(String url) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", FRONT_DESK).build(),
					HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * The page at {@code url} as a browser asks for it, signed in to the dashboard or
	 * not.
	 */
	private static HttpResponse<String> page(String url, boolean signedIn) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html");
		if (signedIn) {
			request.header("Authorization", FRONT_DESK);
		}
		return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static HttpResponse<String> get(String url) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
	}

}
