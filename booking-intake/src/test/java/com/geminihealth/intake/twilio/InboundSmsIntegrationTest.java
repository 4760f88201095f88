package com.geminihealth.intake.twilio;

import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.geminihealth.intake.IntakeIntegrationTest;
import com.geminihealth.intake.KafkaTopics;
import com.geminihealth.schemas.Topics;
import com.geminihealth.schemas.patient.AttendanceConfirmed;
import com.geminihealth.schemas.patient.FreeTextReply;
import com.geminihealth.schemas.patient.OptedOut;
import com.geminihealth.schemas.patient.PatientContact;
import com.geminihealth.schemas.patient.PatientReply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntakeIntegrationTest
class InboundSmsIntegrationTest {

	static final String URL = "http://localhost/twilio/inbound";

	@Autowired
	MockMvc mvc;

	@Autowired
	KafkaTopics kafka;

	@Test
	void recordsStopAsAnOptOutForThePatientsNumber() throws Exception {
		String from = "+12895550101";

		reply(from, "Stop").andExpect(status().isOk());

		assertThat(repliesFrom(from)).singleElement()
			.isInstanceOfSatisfying(OptedOut.class, (optOut) -> assertThat(optOut.keyword()).isEqualTo("STOP"));
	}

	@Test
	void understandsTheFrenchOptOutWithItsAccent() throws Exception {
		String from = "+12895550102";

		reply(from, " Arrêt ").andExpect(status().isOk());

		assertThat(repliesFrom(from)).singleElement()
			.isInstanceOfSatisfying(OptedOut.class, (optOut) -> assertThat(optOut.keyword()).isEqualTo("ARRET"));
	}

	@Test
	void answersHelpWithTheClinicsNumber() throws Exception {
		reply("+12895550103", "HELP").andExpect(status().isOk())
			.andExpect(content().string(containsString("<Message>Gemini Health Group: appointments and questions")))
			.andExpect(content().string(containsString("+12892348001")));
	}

	@Test
	void takesCAsConfirmingAttendanceAndPassesAnythingElseToTheFrontDesk() throws Exception {
		String from = "+12895550104";

		reply(from, "c").andExpect(status().isOk());
		reply(from, "Running 5 min late, sorry!").andExpect(status().isOk());

		assertThat(repliesFrom(from)).hasSize(2)
			.anySatisfy((reply) -> assertThat(reply).isInstanceOf(AttendanceConfirmed.class))
			.anySatisfy((reply) -> assertThat(reply).isInstanceOfSatisfying(FreeTextReply.class,
					(text) -> assertThat(text.body()).isEqualTo("Running 5 min late, sorry!")));
	}

	@Test
	void refusesARequestNotSignedByTwilio() throws Exception {
		String from = "+12895550105";
		Map<String, String> form = Map.of("From", from, "Body", "STOP", "MessageSid", "SM1");

		this.mvc.perform(request(form).header("X-Twilio-Signature", TwilioSigning.sign("another-token", URL, form)))
			.andExpect(status().isForbidden());
		this.mvc.perform(request(form)).andExpect(status().isForbidden());

		assertThat(repliesFrom(from)).isEmpty();
	}

	private ResultActions reply(String from, String body) throws Exception {
		Map<String, String> form = Map.of("From", from, "To", "+12892348001", "Body", body, "MessageSid",
				"SM" + Math.abs(body.hashCode()));
		return this.mvc
			.perform(request(form).header("X-Twilio-Signature", TwilioSigning.sign(TwilioSigning.TOKEN, URL, form)));
	}

	private static MockHttpServletRequestBuilder request(Map<String, String> form) {
		MockHttpServletRequestBuilder request = post("/twilio/inbound")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED);
		form.forEach(request::param);
		return request;
	}

	private List<PatientReply> repliesFrom(String phone) {
		PatientContact contact = new PatientContact(phone);
		return this.kafka.read(Topics.PATIENT_REPLIES)
			.stream()
			.filter((record) -> contact.equals(record.key()))
			.map(ConsumerRecord::value)
			.toList();
	}

}
