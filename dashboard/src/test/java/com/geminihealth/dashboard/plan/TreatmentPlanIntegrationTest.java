package com.geminihealth.dashboard.plan;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.geminihealth.dashboard.Appointments;
import com.geminihealth.dashboard.DashboardApplication;
import com.geminihealth.platform.EventPublisher;
import com.geminihealth.platform.test.TopicRecords;
import com.geminihealth.schemas.Topics;
import com.geminihealth.schemas.appointment.Appointment;
import com.geminihealth.schemas.appointment.AppointmentState;
import com.geminihealth.schemas.appointment.AppointmentStatus;
import com.geminihealth.schemas.booking.AppointmentId;
import com.geminihealth.schemas.booking.Consent;
import com.geminihealth.schemas.booking.Language;
import com.geminihealth.schemas.booking.LocationId;
import com.geminihealth.schemas.booking.MarkCompleted;
import com.geminihealth.schemas.booking.Patient;
import com.geminihealth.schemas.booking.PractitionerId;
import com.geminihealth.schemas.booking.ServiceId;
import com.geminihealth.schemas.patient.PatientContact;
import com.geminihealth.schemas.plan.PlanChange;
import com.geminihealth.schemas.plan.PlanRevision;
import com.geminihealth.schemas.plan.PlanStep;
import com.geminihealth.schemas.plan.TreatmentPlan;
import com.geminihealth.schemas.reminder.FollowUpDue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Treatment plans on the dashboard, on a real embedded broker: the front desk records a
 * plan after an assessment, adjusts and ends it with every change kept, sees the plan's
 * next session and review on the call list, and an erasure removes the plan from its
 * topic.
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
class TreatmentPlanIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	EventPublisher publisher;

	@Value("${spring.embedded.kafka.brokers}")
	String brokers;

	@Test
	void recordsAdjustsAndEndsAPlanAfterAnAssessmentKeepingEveryChange() throws Exception {
		Appointment assessment = assessment("Hana");
		String page = "/appointments/" + assessment.appointmentId().value() + "/plan";
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(page(page)).contains("No treatment plan recorded"));

		this.mvc.perform(plan(page + "/record", "12", "7", "Lower back: core stability").with(frontDesk("sophie")))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl(page));
		this.mvc.perform(plan(page + "/adjust", "12", "14", "Lower back: core stability").with(frontDesk("amira")))
			.andExpect(status().isFound());
		this.mvc.perform(post(page + "/end").with(csrf()).with(frontDesk("sophie"))).andExpect(status().isFound());

		TreatmentPlan published = await().atMost(Duration.ofSeconds(10))
			.until(() -> latestPlan(assessment.patient().mobilePhone()),
					(plan) -> plan != null && plan.revisions().size() == 3);
		assertThat(published.revisions()).extracting(PlanRevision::change)
			.containsExactly(PlanChange.RECORDED, PlanChange.ADJUSTED, PlanChange.ENDED);
		assertThat(published.revisions()).extracting((revision) -> revision.author().name())
			.containsExactly("sophie", "amira", "sophie");
		assertThat(published.revisions()).extracting((revision) -> revision.terms().intervalDays())
			.containsExactly(7, 14, 14);
		assertThat(published.assessment()).isEqualTo(assessment.appointmentId());
		assertThat(published.terms().service()).isEqualTo(new ServiceId("physio-follow-up"));
		assertThat(published.stopped()).isTrue();
		String shown = page(page);
		assertThat(shown).contains("Ended plan")
			.contains("data-version=\"1\"")
			.contains("data-version=\"3\"")
			.contains("Lower back: core stability")
			.contains("Record a plan");
	}

	@Test
	void answersEachInvalidFieldBesideItAndPublishesNothing() throws Exception {
		Appointment assessment = assessment("Ines");
		String page = "/appointments/" + assessment.appointmentId().value() + "/plan";
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(page(page)).contains("Ines"));

		String answer = this.mvc
			.perform(post(page + "/record").param("service", "physio-follow-up")
				.param("sessionsPlanned", "0")
				.param("intervalDays", "400")
				.param("focus", " ")
				.with(csrf())
				.with(frontDesk("sophie")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(answer).contains("A plan holds at least 1 session.")
			.contains("Sessions are at most 365 days apart.")
			.contains("Say what the sessions work on.")
			.contains("Choose the date the plan is reviewed.")
			.contains("aria-invalid=\"true\"");
		assertThat(latestPlan(assessment.patient().mobilePhone())).isNull();
		this.mvc.perform(plan(page + "/record", "6", "7", "Neck").with(frontDesk("sophie")).with((request) -> {
			request.setParameter("service", "not-a-service");
			return request;
		})).andExpect(status().isOk());
		this.mvc.perform(post(page + "/record").param("service", "physio-follow-up").with(frontDesk("sophie")))
			.andExpect(status().isForbidden());
	}

	@Test
	void sendsTheSessionsHomeCareNotesWithTheCompletion() throws Exception {
		Appointment session = assessment("Jun");
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(page("/appointments/" + session.appointmentId().value() + "/plan"))
				.contains("Jun"));

		this.mvc
			.perform(post("/today/" + session.appointmentId().value() + "/completed")
				.param("homeCareNotes", "  Heat on the lower back twice a day.\nCat-cow, 10 slow rounds.  ")
				.with(csrf())
				.with(frontDesk("amira")))
			.andExpect(status().isFound());

		MarkCompleted sent = await().atMost(Duration.ofSeconds(10))
			.until(() -> TopicRecords.values(this.brokers, Topics.BOOKING_COMMANDS)
				.stream()
				.filter(MarkCompleted.class::isInstance)
				.map(MarkCompleted.class::cast)
				.filter((command) -> command.appointmentId().equals(session.appointmentId()))
				.findFirst()
				.orElse(null), (command) -> command != null);
		assertThat(sent.homeCareNotes()).isEqualTo("Heat on the lower back twice a day.\nCat-cow, 10 slow rounds.");
		assertThat(sent.author().name()).isEqualTo("amira");
	}

	@Test
	void showsThePlansNextSessionAndItsReviewToTheFrontDesk() throws Exception {
		Appointment assessment = assessment("Kai");
		String page = "/appointments/" + assessment.appointmentId().value() + "/plan";
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(page(page)).contains("Kai"));
		LocalDate review = LocalDate.now(Appointments.TORONTO).plusDays(5);
		this.mvc.perform(plan(page + "/record", "6", "10", "Knee", review).with(frontDesk("sophie")))
			.andExpect(status().isFound());
		TreatmentPlan plan = await().atMost(Duration.ofSeconds(10))
			.until(() -> latestPlan(assessment.patient().mobilePhone()), (found) -> found != null);

		this.publisher.publish(Topics.DUE_NOTICES, assessment.appointmentId(),
				new FollowUpDue(assessment, true, Instant.now().minusSeconds(60), Instant.now(),
						new PlanStep(plan.planId(), new ServiceId("physio-follow-up"), 3, 6, review)));

		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			String calls = page("/follow-ups");
			String row = calls.substring(calls.indexOf(assessment.patient().name()));
			assertThat(row.substring(0, row.indexOf("</tr>"))).contains("Session 3 of 6: Physiotherapy follow-up");
			String reviews = calls.substring(calls.indexOf("Plan reviews"));
			assertThat(reviews).contains(assessment.patient().name()).contains(assessment.patient().mobilePhone());
		});
	}

	@Test
	void anErasureRemovesThePatientsPlanFromItsTopic() throws Exception {
		Appointment assessment = assessment("Lea");
		String page = "/appointments/" + assessment.appointmentId().value() + "/plan";
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(page(page)).contains("Lea"));
		this.mvc.perform(plan(page + "/record", "6", "10", "Hip mobility").with(frontDesk("sophie")))
			.andExpect(status().isFound());
		String phone = assessment.patient().mobilePhone();
		await().atMost(Duration.ofSeconds(10)).until(() -> latestPlan(phone), (plan) -> plan != null);

		this.mvc
			.perform(post("/erasure").param("email", assessment.patient().email())
				.param("phone", phone)
				.with(csrf())
				.with(user("privacy-lead").roles("FRONT_DESK", "OPERATIONS")))
			.andExpect(status().isFound());

		List<ConsumerRecord<PatientContact, TreatmentPlan>> records = TopicRecords.read(this.brokers,
				Topics.TREATMENT_PLANS);
		assertThat(records).anyMatch((record) -> record.key().value().equals(phone) && record.value() == null);
		assertThat(latestPlan(phone)).as("the latest record under the phone is a tombstone").isNull();
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(page(page)).doesNotContain("Hip mobility").doesNotContain(phone));
	}

	/** The value of the last record under {@code key}: null for none or a tombstone. */
	private TreatmentPlan latestPlan(String key) {
		TreatmentPlan latest = null;
		for (ConsumerRecord<PatientContact, TreatmentPlan> record : TopicRecords.read(this.brokers,
				Topics.TREATMENT_PLANS)) {
			if (record.key().value().equals(key)) {
				latest = record.value();
			}
		}
		return latest;
	}

	/**
	 * A physiotherapy assessment of a new patient, tomorrow, as the decider states it.
	 */
	private Appointment assessment(String firstName) {
		String name = firstName + UUID.randomUUID().toString().substring(0, 6).replaceAll("[^a-z]", "x");
		String phone = "+1289557" + (1000 + ThreadLocalRandom.current().nextInt(8999));
		Instant start = LocalDate.now(Appointments.TORONTO)
			.plusDays(1)
			.atTime(10, 0)
			.atZone(Appointments.TORONTO)
			.toInstant();
		Appointment appointment = new Appointment(AppointmentId.random(), new LocationId("burlington"),
				new ServiceId("physio-initial-assessment"), new PractitionerId("sophie-gagnon"), "Sophie Gagnon", start,
				start.plus(Duration.ofMinutes(45)), Appointments.TORONTO, new Patient(name + " Novak",
						name.toLowerCase() + "@example.org", phone, Language.EN, new Consent(true, true, false)),
				null, 0);
		this.publisher.publish(Topics.APPOINTMENT_STATES, appointment.appointmentId(),
				new AppointmentState(appointment, AppointmentStatus.CONFIRMED, Instant.now()));
		return appointment;
	}

	private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder plan(String path,
			String sessions, String interval, String focus) {
		return plan(path, sessions, interval, focus, LocalDate.now(Appointments.TORONTO).plusWeeks(8));
	}

	private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder plan(String path,
			String sessions, String interval, String focus, LocalDate review) {
		return post(path).param("service", "physio-follow-up")
			.param("sessionsPlanned", sessions)
			.param("intervalDays", interval)
			.param("focus", focus)
			.param("homeCareAdvice", "Bird-dog, 2 x 10 a day.")
			.param("reviewDate", review.toString())
			.with(csrf());
	}

	private String page(String path) throws Exception {
		return this.mvc.perform(get(path).with(frontDesk("reception")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private static RequestPostProcessor frontDesk(String name) {
		return user(name).roles("FRONT_DESK");
	}

}
