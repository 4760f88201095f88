package com.geminihealth.intake.twilio;

import java.io.ByteArrayInputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.geminihealth.intake.IntakeIntegrationTest;
import com.geminihealth.intake.KafkaTopics;
import com.geminihealth.schemas.Topics;
import com.geminihealth.schemas.patient.AttendanceConfirmed;
import com.geminihealth.schemas.patient.FeedbackAnswered;
import com.geminihealth.schemas.patient.FreeTextReply;
import com.geminihealth.schemas.patient.OptedOut;
import com.geminihealth.schemas.patient.PatientContact;
import com.geminihealth.schemas.patient.PatientReply;

import static org.assertj.core.api.Assertions.assertThat;
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

	@ParameterizedTest
	@ValueSource(strings = { "HELP", "aide", "Info" })
	void answersHelpInEitherLanguageWithTwimlThatKeepsItsAccents(String word) throws Exception {
		Element response = twiml(reply("+12895550103", word).andExpect(status().isOk()));

		assertThat(messages(response)).containsExactly("Gemini Health Group: appointments and questions +12892348001."
				+ " Reply C to confirm a visit, STOP to opt out. / Rendez-vous et questions : +12892348001."
				+ " ARRET pour vous désabonner.");
	}

	@ParameterizedTest
	@ValueSource(strings = { "STOP", "Arrêt", "START", "c", "Running late & <sorry>, Zoë" })
	void answersEveryOtherReplyWithAnEmptyTwimlResponse(String body) throws Exception {
		Element response = twiml(reply("+12895550106", body).andExpect(status().isOk()));

		assertThat(messages(response)).isEmpty();
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
	void takesOneDigitFromOneToFiveAsTheAnswerToTheQuestionAfterTheLastSession() throws Exception {
		String from = "+12895550109";

		Element answered = twiml(reply(from, " 4 ").andExpect(status().isOk()));
		reply(from, "7").andExpect(status().isOk());

		assertThat(messages(answered)).isEmpty();
		List<PatientReply> replies = repliesFrom(from);
		assertThat(replies).hasSize(2);
		assertThat(replies.get(0)).isInstanceOfSatisfying(FeedbackAnswered.class, (answer) -> {
			assertThat(answer.contact()).isEqualTo(new PatientContact(from));
			assertThat(answer.appointmentId()).isNull();
			assertThat(answer.score()).isEqualTo(4);
			assertThat(answer.comment()).isNull();
		});
		assertThat(replies.get(1)).isInstanceOfSatisfying(FreeTextReply.class,
				(text) -> assertThat(text.body()).isEqualTo("7"));
	}

	@Test
	void refusesARequestNotSignedByTwilio() throws Exception {
		String from = "+12895550105";
		Map<String, String> form = Map.of("From", from, "Body", "STOP", "MessageSid", "SM1");

		twiml(this.mvc
			.perform(request(form).header("X-Twilio-Signature", TwilioSigning.sign("another-token", URL, form)))
			.andExpect(status().isForbidden()));
		twiml(this.mvc.perform(request(form)).andExpect(status().isForbidden()));

		assertThat(repliesFrom(from)).isEmpty();
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = { "   ", "front desk", "+1 289 555", "12345678901234567890", "patient@example.com" })
	void refusesASenderThatIsNotAPhoneNumber(String from) throws Exception {
		String text = "Can I move my visit? " + UUID.randomUUID();
		Map<String, String> form = new HashMap<>(Map.of("Body", text, "MessageSid", "SM1"));
		if (from != null) {
			form.put("From", from);
		}

		Element response = twiml(send(form).andExpect(status().isBadRequest()));

		assertThat(messages(response)).isEmpty();
		assertThat(textsSaying(text)).isEmpty();
	}

	@Test
	void refusesANumberTheContractCannotCarry() throws Exception {
		String sevenDigits = "+6834002";

		twiml(reply(sevenDigits, "HELP").andExpect(status().isBadRequest()));

		assertThat(repliesFrom(sevenDigits)).isEmpty();
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = { "  \n " })
	void refusesAMessageWithoutText(String body) throws Exception {
		String from = "+12895550107";
		Map<String, String> form = new HashMap<>(Map.of("From", from, "MessageSid", "SM1"));
		if (body != null) {
			form.put("Body", body);
		}

		twiml(send(form).andExpect(status().isBadRequest()));

		assertThat(repliesFrom(from)).isEmpty();
	}

	@Test
	void passesOnTheLongestTextTwilioSendsAndRefusesALongerOne() throws Exception {
		String longest = text(1600);
		String longer = text(1601);
		String megabyte = text(1024 * 1024);

		twiml(reply("+12895550108", longest).andExpect(status().isOk()));
		twiml(reply("+12895550108", longer).andExpect(status().isContentTooLarge()));
		twiml(reply("+12895550108", megabyte).andExpect(status().isContentTooLarge()));

		assertThat(textsSaying(longest)).hasSize(1);
		assertThat(textsSaying(longer)).isEmpty();
		assertThat(textsSaying(megabyte)).isEmpty();
	}

	@Test
	void refusesAnUnsignedRequestBeforeLookingAtItsFields() throws Exception {
		Map<String, String> form = Map.of("From", "", "Body", text(1024 * 1024));

		twiml(this.mvc.perform(request(form)).andExpect(status().isForbidden()));
	}

	private ResultActions reply(String from, String body) throws Exception {
		return send(Map.of("From", from, "To", "+12892348001", "Body", body, "MessageSid",
				"SM" + Math.abs(body.hashCode())));
	}

	private ResultActions send(Map<String, String> form) throws Exception {
		return this.mvc
			.perform(request(form).header("X-Twilio-Signature", TwilioSigning.sign(TwilioSigning.TOKEN, URL, form)));
	}

	private static MockHttpServletRequestBuilder request(Map<String, String> form) {
		MockHttpServletRequestBuilder request = post("/twilio/inbound")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED);
		form.forEach(request::param);
		return request;
	}

	/**
	 * The answer as Twilio reads it: a TwiML document an XML parser accepts, with no DTD
	 * to define entities HTML has and XML lacks.
	 */
	private static Element twiml(ResultActions result) throws Exception {
		MvcResult answer = result.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_XML)).andReturn();
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
		Document document = factory.newDocumentBuilder()
			.parse(new ByteArrayInputStream(answer.getResponse().getContentAsByteArray()));
		assertThat(document.getDocumentElement().getTagName()).isEqualTo("Response");
		return document.getDocumentElement();
	}

	private static List<String> messages(Element response) {
		NodeList messages = response.getElementsByTagName("Message");
		return IntStream.range(0, messages.getLength()).mapToObj((i) -> messages.item(i).getTextContent()).toList();
	}

	/** A text of that many characters no other test sends. */
	private static String text(int length) {
		return (UUID.randomUUID() + " ").repeat(length / 37 + 1).substring(0, length);
	}

	private List<FreeTextReply> textsSaying(String body) {
		return this.kafka.values(Topics.PATIENT_REPLIES)
			.stream()
			.flatMap((reply) -> (reply instanceof FreeTextReply text && text.body().equals(body)) ? Stream.of(text)
					: Stream.empty())
			.toList();
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
