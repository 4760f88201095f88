package com.geminihealth.dashboard;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import com.geminihealth.platform.EventPublisher;
import com.geminihealth.schemas.Topics;
import com.geminihealth.schemas.appointment.Appointment;
import com.geminihealth.schemas.appointment.AppointmentState;
import com.geminihealth.schemas.appointment.AppointmentStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The front desk enters a practitioner's time off on the Hours page: it goes to the
 * schedule-changes topic, an appointment it now overlaps is listed to move (and stays
 * confirmed), and removing the change clears the list. A form with mistakes comes back
 * with a message beside each field.
 */
class ScheduleChangesIntegrationTest {

	/** A Monday ahead, when Maya Chen works in Burlington 09:00-17:00. */
	private static final LocalDate MONDAY = LocalDate.now(Appointments.TORONTO)
		.plusDays(7)
		.with(TemporalAdjusters.next(DayOfWeek.MONDAY));

	private ConfigurableApplicationContext dashboard;

	private MockMvc mvc;

	@BeforeEach
	void start() {
		this.dashboard = DashboardApplication.builder()
			.run("--server.port=0", "--management.server.port=0",
					"--spring.kafka.bootstrap-servers=" + System.getProperty("spring.embedded.kafka.brokers"),
					"--logging.structured.format.console=", "--spring.main.banner-mode=off",
					"--dashboard.intake-url=http://localhost:9", "--dashboard.security.users[0].username=reception",
					"--dashboard.security.users[0].password={noop}test-reception-password");
		this.mvc = MockMvcBuilders.webAppContextSetup((WebApplicationContext) this.dashboard)
			.apply(springSecurity())
			.build();
	}

	@AfterEach
	void stop() {
		this.dashboard.close();
	}

	@Test
	void timeOffListsTheAppointmentItOverlapsUntilItIsRemoved() throws Exception {
		String name = "Ines" + UUID.randomUUID().toString().replaceAll("[^a-z]", "").substring(0, 5);
		Instant tenAm = MONDAY.atTime(10, 0).atZone(Appointments.TORONTO).toInstant();
		Appointment booked = Appointments.of(name + " Roy", "+12895550121", tenAm, null);
		this.dashboard.getBean(EventPublisher.class)
			.publish(Topics.APPOINTMENT_STATES, booked.appointmentId(),
					new AppointmentState(booked, AppointmentStatus.CONFIRMED, Instant.now()));

		this.mvc
			.perform(post("/schedule/changes").param("practitioner", "maya-chen")
				.param("date", MONDAY.toString())
				.param("kind", "TIME_OFF")
				.param("start", "09:00")
				.param("end", "12:00")
				.with(csrf())
				.with(user("reception").roles("FRONT_DESK")))
			.andExpect(status().isFound());

		assertThat(page()).contains("Time off for Maya Chen on " + MONDAY + ", 09:00-12:00");
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(conflicts(page())).contains(booked.appointmentId().value())
				.contains(name)
				.contains("10:00"));

		this.mvc
			.perform(post("/schedule/changes/remove").param("id", "maya-chen/" + MONDAY + "/off-0900-1200")
				.with(csrf())
				.with(user("reception").roles("FRONT_DESK")))
			.andExpect(status().isFound());
		assertThat(page()).contains("Every appointment ahead fits").doesNotContain("Time off for Maya Chen");
		// It reaches the topic, and an instance reading it from the start agrees.
		this.dashboard.close();
		start();
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(page()).contains("No changes").contains("Every appointment ahead fits"));
	}

	@Test
	void aBreakWithoutHoursComesBackWithAMessageBesideEachField() throws Exception {
		String page = this.mvc
			.perform(post("/schedule/changes").param("practitioner", "nobody")
				.param("date", "2020-01-06")
				.param("kind", "BREAK")
				.param("start", "")
				.param("end", "")
				.with(csrf())
				.with(user("reception").roles("FRONT_DESK")))
			.andExpect(status().is(422))
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(page).contains("id=\"practitioner-problem\"", "Choose a practitioner.")
			.contains("id=\"date-problem\"", "Choose today or a later day.")
			.contains("id=\"start-problem\"", "Enter the start as HH:mm.")
			.contains("id=\"end-problem\"", "Enter the end as HH:mm.")
			.contains("aria-invalid=\"true\"")
			.contains("value=\"2020-01-06\"");
	}

	@Test
	void aChangeNeedsTheFrontDeskAndItsCsrfToken() throws Exception {
		this.mvc
			.perform(post("/schedule/changes").param("practitioner", "maya-chen")
				.param("date", MONDAY.toString())
				.param("kind", "TIME_OFF")
				.with(user("reception").roles("FRONT_DESK")))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post("/schedule/changes").param("practitioner", "maya-chen")
				.param("date", MONDAY.toString())
				.param("kind", "TIME_OFF")
				.with(csrf())
				.with(user("someone").roles("OPERATIONS")))
			.andExpect(status().isForbidden());
	}

	private String page() throws Exception {
		return this.mvc.perform(get("/schedule").with(user("reception").roles("FRONT_DESK")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private static String conflicts(String page) {
		int at = page.indexOf("id=\"conflicts\"");
		assertThat(at).as("the list of appointments to move").isNotNegative();
		return page.substring(at, page.indexOf("</table>", at));
	}

}
