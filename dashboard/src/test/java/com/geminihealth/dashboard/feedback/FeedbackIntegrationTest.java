package com.geminihealth.dashboard.feedback;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.geminihealth.dashboard.Appointments;
import com.geminihealth.dashboard.DashboardApplication;
import com.geminihealth.platform.EventPublisher;
import com.geminihealth.schemas.Topics;
import com.geminihealth.schemas.appointment.Appointment;
import com.geminihealth.schemas.feedback.FeedbackSource;
import com.geminihealth.schemas.feedback.SessionFeedback;
import com.geminihealth.schemas.privacy.ErasureId;
import com.geminihealth.schemas.privacy.ErasureRequested;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The practitioners' feedback view on a real embedded broker: the test plays the
 * reminders service by publishing answers matched to sessions, then takes one back with a
 * tombstone and erases a patient.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.config.name=" + DashboardApplication.CONFIG_NAME,
				"spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}", "logging.structured.format.console=",
				"dashboard.state-dir=${java.io.tmpdir}/dashboard-it", "dashboard.intake-url=http://localhost:9",
				"dashboard.outbox-dir=${java.io.tmpdir}/dashboard-it/outbox",
				"dashboard.sms-sandbox-dir=${java.io.tmpdir}/dashboard-it/sms",
				"dashboard.security.users[0].username=reception",
				"dashboard.security.users[0].password={noop}test-reception-password" })
@AutoConfigureMockMvc
class FeedbackIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	EventPublisher publisher;

	@Autowired
	MeterRegistry meters;

	@Test
	void showsEachPractitionerTheScoresAndCommentsOfTheirSessionsUntilTakenBackOrErased() throws Exception {
		String name = "Olivia" + shortId();
		Instant lastWeek = Instant.now().minus(Duration.ofDays(7));
		Appointment praised = Appointments.of(name + " Martin", "+12895550161", lastWeek, null);
		Appointment texted = Appointments.of("Noah" + shortId() + " Roy", "+12895550162", lastWeek.plusSeconds(7200),
				null);
		Appointment old = Appointments.of(name + " Martin", "+12895550161", Instant.now().minus(Duration.ofDays(200)),
				null);
		double answersBefore = answersGauge();
		String comment = "The stretches " + shortId() + " already help";
		publish(new SessionFeedback(praised, 5, comment, FeedbackSource.LINK, Instant.now()));
		publish(new SessionFeedback(texted, 2, null, FeedbackSource.TEXT_REPLY, Instant.now()));
		publish(new SessionFeedback(old, 1, "long ago", FeedbackSource.LINK, Instant.now()));

		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			String page = page("/feedback?practitioner=maya-chen");
			assertThat(row(page, "data-appointment=\"" + praised.appointmentId().value() + "\"")).contains(name)
				.contains("Swedish massage")
				.contains("5 of 5")
				.contains(comment)
				.contains("feedback page");
			assertThat(row(page, "data-appointment=\"" + texted.appointmentId().value() + "\"")).contains("2 of 5")
				.contains("text reply");
			assertThat(page).as("a session before the period").doesNotContain(old.appointmentId().value());
		});
		assertThat(row(page("/feedback"), "data-practitioner=\"maya-chen\"")).contains("Maya Chen");
		assertThat(page("/feedback?practitioner=maya-chen&days=365")).contains(old.appointmentId().value());
		assertThat(page("/feedback")).as("answers show only to the practitioner chosen").doesNotContain(comment);
		assertThat(page("/feedback?practitioner=maya-chen")).doesNotContain("+12895550161")
			.doesNotContain("patient@example.com");
		assertThat(answersGauge()).isGreaterThanOrEqualTo(answersBefore + 2);

		this.publisher.publish(Topics.SESSION_FEEDBACK, texted.appointmentId(), null);
		this.publisher.publish(Topics.ERASURES, ErasureId.random(),
				new ErasureRequested(ErasureId.random(), null, "+12895550161", "privacy-lead", Instant.now()));
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			String page = page("/feedback?practitioner=maya-chen&days=365");
			assertThat(page).doesNotContain(texted.appointmentId().value())
				.doesNotContain(praised.appointmentId().value())
				.doesNotContain(comment)
				.doesNotContain(old.appointmentId().value());
		});
	}

	@Test
	void feedbackIsForTheFrontDesk() throws Exception {
		this.mvc.perform(get("/feedback").accept(MediaType.TEXT_HTML))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/login"));
		this.mvc.perform(get("/feedback").with(user("someone").roles("OPERATIONS"))).andExpect(status().isForbidden());
		assertThat(page("/feedback")).contains("href=\"/feedback\"");
	}

	private void publish(SessionFeedback feedback) {
		this.publisher.publish(Topics.SESSION_FEEDBACK, feedback.appointment().appointmentId(), feedback);
	}

	private double answersGauge() {
		return this.meters.get("feedback.answers").tag("practitioner", "maya-chen").gauge().value();
	}

	private String page(String path) throws Exception {
		return this.mvc.perform(get(path).with(frontDesk()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private static String row(String page, String attribute) {
		int at = page.indexOf(attribute);
		assertThat(at).as(attribute).isNotNegative();
		return page.substring(at, page.indexOf("</tr>", at));
	}

	private static RequestPostProcessor frontDesk() {
		return user("amira").roles("FRONT_DESK");
	}

	private static String shortId() {
		return UUID.randomUUID().toString().substring(0, 6).replaceAll("[^a-z]", "x");
	}

}
