package com.geminihealth.intake.booking;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.geminihealth.intake.NextWeek;
import com.geminihealth.intake.IntakeIntegrationTest;
import com.geminihealth.intake.web.ClientAddresses;
import com.geminihealth.platform.test.TopicRecords;
import com.geminihealth.schemas.Topics;
import com.geminihealth.schemas.booking.BookAppointment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntakeIntegrationTest
class BookingPageIntegrationTest {

	@Autowired
	MockMvc mvc;

	String brokers;

	@Autowired
	void useBrokers(KafkaConnectionDetails kafka) {
		this.brokers = String.join(",", kafka.getBootstrapServers());
	}

	@Test
	void labelsEveryFieldOfTheForm() throws Exception {
		String page = this.mvc.perform(get("/book"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		for (String field : new String[] { "location", "service", "practitioner", "requestedStart", "patientName",
				"email", "mobilePhone", "language", "smsConsent", "followUpConsent", "notes", "insurer",
				"memberNumber" }) {
			assertThat(page).contains("<label for=\"" + field + "\"").contains("id=\"" + field + "\"");
		}
		assertThat(page).contains("name=\"_csrf\"").contains("Gemini Health Burlington").contains("Maya Chen");
	}

	@Test
	void booksThroughTheFormAndShowsTheReference() throws Exception {
		String name = "Form " + UUID.randomUUID();

		this.mvc.perform(validForm(name).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Your reference")))
			.andExpect(content().string(containsString("/api/bookings/")));

		assertThat(bookingsFor(name)).hasSize(1);
	}

	@Test
	void refusesAPostWithoutCsrfToken() throws Exception {
		String name = "NoCsrf " + UUID.randomUUID();

		this.mvc.perform(validForm(name)).andExpect(status().isForbidden());

		assertThat(bookingsFor(name)).isEmpty();
	}

	@Test
	void thanksABotThatFilledTheHoneypotAndPublishesNothing() throws Exception {
		String name = "Bot " + UUID.randomUUID();

		this.mvc.perform(validForm(name).param("website", "http://spam.example").with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Thank you")));

		assertThat(bookingsFor(name)).isEmpty();
	}

	@Test
	void showsFieldErrorsNextToTheirFieldsAndPublishesNothing() throws Exception {
		String name = "Typo " + UUID.randomUUID();

		this.mvc.perform(form(name, "nope", "12").with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Please correct the highlighted fields")))
			.andExpect(content().string(containsString("id=\"mobilePhone-error\"")))
			.andExpect(content().string(containsString("is not a valid phone number")))
			.andExpect(content().string(containsString("id=\"email-error\"")));

		assertThat(bookingsFor(name)).isEmpty();
	}

	private MockHttpServletRequestBuilder validForm(String name) {
		return form(name, "form@example.com", "905 555 0143");
	}

	private MockHttpServletRequestBuilder form(String name, String email, String mobilePhone) {
		return post("/book").with(ClientAddresses.fresh())
			.param("patientName", name)
			.param("email", email)
			.param("mobilePhone", mobilePhone)
			.param("language", "EN")
			.param("smsConsent", "true")
			.param("location", "oakville")
			.param("service", "physio-follow-up")
			.param("practitioner", "")
			.param("requestedStart", NextWeek.TEN_AM);
	}

	private java.util.List<BookAppointment> bookingsFor(String name) {
		return TopicRecords.values(this.brokers, Topics.BOOKING_COMMANDS)
			.stream()
			.filter((command) -> command instanceof BookAppointment book && book.patient().name().equals(name))
			.map(BookAppointment.class::cast)
			.toList();
	}

}
