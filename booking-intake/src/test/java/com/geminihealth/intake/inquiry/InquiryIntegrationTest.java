package com.geminihealth.intake.inquiry;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import com.geminihealth.intake.IntakeIntegrationTest;
import com.geminihealth.intake.KafkaTopics;
import com.geminihealth.intake.challenge.ProofOfWork;
import com.geminihealth.intake.challenge.Solved;
import com.geminihealth.intake.web.ClientAddresses;
import com.geminihealth.schemas.Topics;
import com.geminihealth.schemas.inquiry.ContactInquiryReceived;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntakeIntegrationTest
class InquiryIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	KafkaTopics kafka;

	@Autowired
	ProofOfWork proofOfWork;

	@Test
	void publishesAnInquiryFromTheApi() throws Exception {
		String message = "Do you direct-bill Manulife? " + UUID.randomUUID();

		this.mvc.perform(
				post("/api/inquiries").with(ClientAddresses.fresh()).contentType(MediaType.APPLICATION_JSON).content("""
						{"name": "Sam", "email": "sam@example.com", "phone": "+1 905 555 0199",
						 "language": "fr", "location": "hamilton", "message": "%s"}""".formatted(message)))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.inquiryId").isNotEmpty());

		ContactInquiryReceived inquiry = inquiryWith(message);
		assertThat(inquiry.phone()).isEqualTo("+19055550199");
		assertThat(inquiry.location().value()).isEqualTo("hamilton");
	}

	@Test
	void rejectsAnInquiryWithoutAReplyAddress() throws Exception {
		this.mvc
			.perform(post("/api/inquiries").with(ClientAddresses.fresh())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\": \"Sam\", \"email\": \"sam@\", \"phone\": \"1\", \"message\": \"\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("email", "phone", "message")));
	}

	@Test
	void acceptsAnInquiryFromTheContactPage() throws Exception {
		String message = "Parking? " + UUID.randomUUID();

		this.mvc
			.perform(post("/contact").with(ClientAddresses.fresh())
				.with(Solved.challenge(this.proofOfWork))
				.with(csrf())
				.param("name", "Kim")
				.param("email", "kim@example.com")
				.param("language", "EN")
				.param("message", message))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("We received your message")));

		assertThat(inquiryWith(message).name()).isEqualTo("Kim");
	}

	@Test
	void refusesWhatTheContractRefusesOnItsField() throws Exception {
		String message = "x".repeat(4001);

		this.mvc
			.perform(post("/api/inquiries").with(ClientAddresses.fresh())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\": \"Sam\\u0000\", \"email\": \"sam@clinic\", \"message\": \"%s\"}"
					.formatted(message)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("name", "email", "message")));
	}

	@Test
	void showsTheContactFormAgainWithAnUnknownLanguageMarked() throws Exception {
		String message = "Language? " + UUID.randomUUID();

		this.mvc
			.perform(post("/contact").with(ClientAddresses.fresh())
				.with(Solved.challenge(this.proofOfWork))
				.with(csrf())
				.param("name", "Kim")
				.param("email", "kim@example.com")
				.param("language", "de")
				.param("message", message))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"language-error\"")))
			.andExpect(content().string(containsString(message)));

		assertThat(this.kafka.values(Topics.CONTACT_INQUIRIES))
			.noneMatch((inquiry) -> inquiry.message().equals(message));
	}

	private ContactInquiryReceived inquiryWith(String message) {
		return this.kafka.values(Topics.CONTACT_INQUIRIES)
			.stream()
			.filter((inquiry) -> inquiry.message().equals(message))
			.findFirst()
			.orElseThrow();
	}

}
