package com.geminihealth.intake.manage;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import com.geminihealth.intake.IntakeIntegrationTest;
import com.geminihealth.intake.KafkaTopics;
import com.geminihealth.intake.NextWeek;
import com.geminihealth.intake.booking.ApiBookings;
import com.geminihealth.intake.web.ClientAddresses;
import com.geminihealth.schemas.Topics;
import com.geminihealth.schemas.booking.AppointmentId;
import com.geminihealth.schemas.booking.Author;
import com.geminihealth.schemas.booking.BookingCommand;
import com.geminihealth.schemas.booking.CancelAppointment;
import com.geminihealth.schemas.booking.RescheduleAppointment;
import com.geminihealth.schemas.link.ManageTokens;
import com.geminihealth.schemas.patient.AttendanceConfirmed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A patient manages their appointment through the link in their messages, and nobody
 * without that link can read or change it.
 */
@IntakeIntegrationTest
class ManageAppointmentIntegrationTest {

	private static final ManageTokens TOKENS = new ManageTokens(IntakeIntegrationTest.MANAGE_LINK_SECRET);

	@Autowired
	MockMvc mvc;

	@Autowired
	KafkaTopics kafka;

	@Test
	void showsThePatientTheirAppointmentInTheirLanguageAndCancelsItAsThem() throws Exception {
		AppointmentId appointment = confirmed("liam-obrien", "rmt-swedish-60", "hamilton", NextWeek.MONDAY + "T12:30",
				"fr");
		String token = TOKENS.issue(appointment, 0);

		this.mvc.perform(get("/m/" + token))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Votre rendez-vous")))
			.andExpect(content().string(containsString("<dd>Massage suédois, 60 min</dd>")))
			.andExpect(content().string(containsString("Liam O&#39;Brien")))
			.andExpect(content().string(containsString("à 12 h 30")))
			.andExpect(content().string(containsString("Annuler mon rendez-vous")))
			.andExpect(content().string(containsString(
					"href=\"/waitlist?location=hamilton&amp;service=rmt-swedish-60&amp;practitioner=liam-obrien\">Vous voulez une heure plus tôt?")));

		this.mvc.perform(post("/m/" + token + "/cancel").with(csrf()))
			.andExpect(redirectedUrl("/m/" + token + "?done=cancelled"));

		assertThat(commandsFor(appointment)).singleElement()
			.isInstanceOfSatisfying(CancelAppointment.class,
					(cancel) -> assertThat(cancel.author()).isEqualTo(Author.PATIENT));
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> this.mvc.perform(get("/m/" + token))
				.andExpect(content().string(containsString("Ce rendez-vous est annulé"))));
	}

	@Test
	void movesTheAppointmentToAnOpenTimeAndTheOldLinkStopsWorking() throws Exception {
		AppointmentId appointment = confirmed("liam-obrien", "rmt-swedish-60", "hamilton", NextWeek.MONDAY + "T15:30",
				"en");
		String token = TOKENS.issue(appointment, 0);

		String page = this.mvc.perform(get("/m/" + token).param("date", NextWeek.MONDAY.toString()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("17:15 with Liam O&#39;Brien").doesNotContain("15:30 with");

		this.mvc
			.perform(post("/m/" + token + "/move").with(csrf())
				.param("start", NextWeek.MONDAY + "T17:15")
				.param("practitioner", "liam-obrien"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("no longer works once it is moved")));

		assertThat(commandsFor(appointment)).singleElement()
			.isInstanceOfSatisfying(RescheduleAppointment.class,
					(move) -> assertThat(move.author()).isEqualTo(Author.PATIENT));
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> this.mvc.perform(get("/m/" + token)).andExpect(status().isNotFound()));
		this.mvc.perform(get("/m/" + TOKENS.issue(appointment, 1)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("5:15")));
	}

	@Test
	void changesNothingOnceThePatientHasHadTheirDaysMessagesSoALinkCannotPumpThem() throws Exception {
		String email = "pumped-" + UUID.randomUUID() + "@example.com";
		AppointmentId appointment = confirmed("liam-obrien", "rmt-swedish-60", "hamilton", NextWeek.MONDAY + "T13:45",
				"en", email);
		String token = TOKENS.issue(appointment, 0);
		for (int i = 1; i < IntakeIntegrationTest.PER_DESTINATION; i++) {
			this.mvc
				.perform(post("/api/bookings").with(ClientAddresses.fresh())
					.contentType(MediaType.APPLICATION_JSON)
					.content("""
							{"patientName": "Pump %d", "email": "%s", "location": "hamilton",
							 "service": "chiro-visit", "requestedStart": "%sT10:00"}""".formatted(i, email,
							NextWeek.MONDAY.plusWeeks(7))))
				.andExpect(status().isAccepted());
		}

		this.mvc
			.perform(post("/m/" + token + "/move").with(csrf())
				.param("start", NextWeek.MONDAY + "T16:00")
				.param("practitioner", "liam-obrien"))
			.andExpect(redirectedUrl("/m/" + token + "?done=limit"));
		this.mvc.perform(get("/m/" + token + "?done=limit"))
			.andExpect(content().string(containsString("as many messages as we do in a day")));
		this.mvc.perform(post("/api/appointments/" + appointment.value() + "/cancel").header(HttpHeaders.AUTHORIZATION,
				"Bearer " + token))
			.andExpect(status().isTooManyRequests());

		assertThat(commandsFor(appointment)).isEmpty();
	}

	@Test
	void confirmsAttendanceForThePatient() throws Exception {
		AppointmentId appointment = confirmed("liam-obrien", "rmt-swedish-60", "hamilton", NextWeek.MONDAY + "T11:00",
				"en");
		String token = TOKENS.issue(appointment, 0);

		this.mvc.perform(post("/m/" + token + "/confirm").with(csrf()))
			.andExpect(redirectedUrl("/m/" + token + "?done=confirmed"));

		assertThat(this.kafka.values(Topics.PATIENT_REPLIES))
			.anySatisfy((reply) -> assertThat(reply).isInstanceOfSatisfying(AttendanceConfirmed.class,
					(confirmed) -> assertThat(confirmed.contact().value()).isEqualTo("+12892348011")));
	}

	@Test
	void givesTheClinicsNumberOnceOnlineChangesHaveClosed() throws Exception {
		AppointmentId appointment = confirmed("elena-rossi", "chiro-visit", "burlington", NextWeek.MONDAY + "T08:00",
				"en");
		String token = TOKENS.issue(appointment, 0);

		this.mvc.perform(get("/m/" + token))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("call us at")))
			.andExpect(content().string(not(containsString("Cancel my appointment"))));
		this.mvc.perform(post("/m/" + token + "/cancel").with(csrf())).andExpect(redirectedUrl("/m/" + token));
		bearer(post("/api/appointments/{id}/cancel", appointment.value()), token).andExpect(status().isConflict());

		assertThat(commandsFor(appointment)).isEmpty();
	}

	@Test
	void opensNothingWithoutTheLinkOrWithAnotherAppointmentsLink() throws Exception {
		AppointmentId appointment = confirmed("liam-obrien", "rmt-swedish-60", "hamilton",
				NextWeek.MONDAY.plusDays(2) + "T11:00", "en");
		AppointmentId other = AppointmentId.random();
		String forged = TOKENS.issue(other, 0).substring(0, 22) + TOKENS.issue(appointment, 0).substring(22);

		this.mvc.perform(get("/m/" + forged)).andExpect(status().isNotFound());
		this.mvc.perform(get("/m/not-a-token")).andExpect(status().isNotFound());
		this.mvc.perform(get("/api/appointments/{id}", appointment.value()))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, "Bearer"));
		bearer(post("/api/appointments/{id}/cancel", appointment.value()), TOKENS.issue(other, 0))
			.andExpect(status().isForbidden());
		bearer(post("/api/appointments/{id}/cancel", appointment.value()),
				new ManageTokens("a-guess-at-the-secret-of-32-characters!").issue(appointment, 0))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post("/api/appointments/{id}/cancel", appointment.value()).with(ClientAddresses.fresh())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{}"))
			.andExpect(status().isUnauthorized());

		assertThat(commandsFor(appointment)).isEmpty();
	}

	@Test
	void letsTheHolderOfTheLinkReadAndCancelOverTheApi() throws Exception {
		AppointmentId appointment = confirmed("liam-obrien", "rmt-swedish-60", "hamilton", NextWeek.MONDAY + "T14:00",
				"en");
		String token = TOKENS.issue(appointment, 0);

		bearer(get("/api/appointments/{id}", appointment.value()), token).andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("CONFIRMED"))
			.andExpect(jsonPath("$.practitionerName").value("Liam O'Brien"));
		bearer(post("/api/appointments/{id}/cancel", appointment.value()), token).andExpect(status().isAccepted())
			.andExpect(jsonPath("$.commandId").isNotEmpty());

		assertThat(commandsFor(appointment)).singleElement().isInstanceOf(CancelAppointment.class);
	}

	private org.springframework.test.web.servlet.ResultActions bearer(
			org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request, String token)
			throws Exception {
		return this.mvc.perform(request.with(ClientAddresses.fresh())
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{}"));
	}

	/** Books through the API and waits for the decider to confirm it. */
	private AppointmentId confirmed(String practitioner, String service, String location, String start, String language)
			throws Exception {
		return confirmed(practitioner, service, location, start, language, "m-" + UUID.randomUUID() + "@example.com");
	}

	private AppointmentId confirmed(String practitioner, String service, String location, String start, String language,
			String email) throws Exception {
		String json = """
				{"patientName": "Manage %s", "email": "%s", "mobilePhone": "289 234 8011",
				 "language": "%s", "location": "%s", "service": "%s", "practitioner": "%s",
				 "requestedStart": "%s"}""".formatted(UUID.randomUUID(), email, language, location, service,
				practitioner, start);
		return ApiBookings.confirmed(this.mvc, json);
	}

	private java.util.List<BookingCommand> commandsFor(AppointmentId appointment) {
		return this.kafka.values(Topics.BOOKING_COMMANDS)
			.stream()
			.filter((command) -> (command instanceof CancelAppointment cancel
					&& cancel.appointmentId().equals(appointment))
					|| (command instanceof RescheduleAppointment move && move.appointmentId().equals(appointment)))
			.toList();
	}

}
