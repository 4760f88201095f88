package com.geminihealth.intake.challenge;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.geminihealth.intake.IntakeIntegrationTest;
import com.geminihealth.intake.KafkaTopics;
import com.geminihealth.intake.NextWeek;
import com.geminihealth.intake.booking.BookingForm;
import com.geminihealth.intake.web.ClientAddresses;
import com.geminihealth.schemas.Topics;
import com.geminihealth.schemas.booking.BookAppointment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A bot posting the booking and contact forms without doing the pages' proof of work, or
 * reusing one answer for many posts, gets the form back with a message and sends nothing;
 * a browser's answer sends the form once.
 */
@IntakeIntegrationTest
class FormChallengeIntegrationTest {

	static final String REFUSED = "We could not send this form";

	@Autowired
	MockMvc mvc;

	@Autowired
	KafkaTopics kafka;

	@Autowired
	ProofOfWork proofOfWork;

	@ParameterizedTest
	// The booking form is on the details step; any time will do for showing it.
	@ValueSource(strings = { "/book?location=burlington&service=rmt-swedish-60&start=2030-01-07T10:00", "/contact" })
	void handsOutAChallengeWithTheFormAndTheScriptThatAnswersIt(String form) throws Exception {
		this.mvc.perform(get(form))
			.andExpect(content().string(containsString("name=\"challenge\" value=\"")))
			.andExpect(content().string(containsString(
					"name=\"nonce\" value=\"\" data-difficulty=\"" + IntakeIntegrationTest.CHALLENGE_BITS + "\"")))
			.andExpect(content().string(containsString("<script src=\"/challenge.js\" defer></script>")))
			.andExpect(content().string(not(containsString(REFUSED))));
		this.mvc.perform(get("/challenge.js")).andExpect(status().isOk());
	}

	@Test
	void showsTheBookingFormAgainAndBooksNothingWithoutAnAnswer() throws Exception {
		String name = "Unsolved " + UUID.randomUUID();

		this.mvc.perform(booking(name))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(REFUSED)))
			.andExpect(content().string(containsString("value=\"" + name + "\"")));

		assertThat(bookingsFor(name)).isEmpty();
	}

	@Test
	void booksNothingForAWrongAnswerOrAChallengeMadeEasier() throws Exception {
		ProofOfWork.Challenge challenge = this.proofOfWork.issue();
		String wrong = Solved.wrongAnswer(challenge.value(), challenge.difficulty());
		String easier = challenge.value().replaceFirst("\\." + challenge.difficulty() + "\\.", ".0.");
		String name = "Wrong " + UUID.randomUUID();

		this.mvc.perform(booking(name).with(answer(challenge.value(), wrong)))
			.andExpect(content().string(containsString(REFUSED)));
		this.mvc.perform(booking(name).with(answer(easier, "0"))).andExpect(content().string(containsString(REFUSED)));

		assertThat(bookingsFor(name)).isEmpty();
	}

	@Test
	void sendsOneBookingForOneAnswerHoweverOftenItIsPosted() throws Exception {
		ProofOfWork.Challenge challenge = this.proofOfWork.issue();
		RequestPostProcessor answered = answer(challenge.value(),
				Solved.answer(challenge.value(), challenge.difficulty()));
		String name = "Replayed " + UUID.randomUUID();

		this.mvc.perform(booking(name).with(answered)).andExpect(status().is3xxRedirection());
		this.mvc.perform(booking(name).with(answered)).andExpect(content().string(containsString(REFUSED)));
		this.mvc.perform(booking(name).with(answered)).andExpect(content().string(containsString(REFUSED)));

		assertThat(bookingsFor(name)).hasSize(1);
	}

	@Test
	void sendsNoInquiryWithoutAnAnswer() throws Exception {
		String message = "Unsolved " + UUID.randomUUID();

		this.mvc
			.perform(post("/contact").with(ClientAddresses.fresh())
				.with(csrf())
				.param("name", "Kim")
				.param("email", "kim@example.com")
				.param("message", message))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(REFUSED)));

		assertThat(this.kafka.values(Topics.CONTACT_INQUIRIES))
			.noneMatch((inquiry) -> inquiry.message().equals(message));
	}

	private static MockHttpServletRequestBuilder booking(String name) {
		return post("/book").with(ClientAddresses.fresh())
			.with(csrf())
			.with(BookingForm.answeredNo())
			.param("patientName", name)
			.param("email", "challenged@example.com")
			.param("location", "hamilton")
			.param("service", "chiro-visit")
			.param("requestedStart", NextWeek.MONDAY.plusWeeks(6) + "T10:00");
	}

	private static RequestPostProcessor answer(String challenge, String nonce) {
		return (request) -> {
			request.addParameter("challenge", challenge);
			request.addParameter("nonce", nonce);
			return request;
		};
	}

	private java.util.List<BookAppointment> bookingsFor(String name) {
		return this.kafka.values(Topics.BOOKING_COMMANDS)
			.stream()
			.filter((command) -> command instanceof BookAppointment book && book.patient().name().equals(name))
			.map(BookAppointment.class::cast)
			.toList();
	}

}
