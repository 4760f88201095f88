package com.geminihealth.intake.feedback;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import com.geminihealth.intake.IntakeIntegrationTest;
import com.geminihealth.intake.KafkaTopics;
import com.geminihealth.intake.MovableClock;
import com.geminihealth.intake.NextWeek;
import com.geminihealth.intake.booking.ApiBookings;
import com.geminihealth.intake.web.ClientAddresses;
import com.geminihealth.schemas.Topics;
import com.geminihealth.schemas.booking.AppointmentId;
import com.geminihealth.schemas.feedback.SessionFeedback;
import com.geminihealth.schemas.link.ManageTokens;
import com.geminihealth.schemas.patient.FeedbackAnswered;
import com.geminihealth.schemas.patient.PatientContact;
import com.geminihealth.schemas.patient.PatientReply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A patient who agreed at booking to be asked about their sessions answers the one
 * question through the link sent after each: once the session is over, for a week, and
 * nobody without that link. The answer reaches the patient-replies stream keyed by the
 * patient's contact, for the reminders service to match it to the session.
 */
@IntakeIntegrationTest
class FeedbackPageIntegrationTest {

	private static final ManageTokens TOKENS = new ManageTokens(IntakeIntegrationTest.MANAGE_LINK_SECRET);

	private static final ZoneId TORONTO = ZoneId.of("America/Toronto");

	/** Arjun Patel's follow-ups in Oakville on Mondays, which no other test books. */
	private static final String DAY = NextWeek.MONDAY.toString();

	@Autowired
	MockMvc mvc;

	@Autowired
	KafkaTopics kafka;

	@Autowired
	MovableClock clock;

	@AfterEach
	void backToNow() {
		this.clock.reset();
	}

	@Test
	void asksTheOneQuestionOnceTheSessionIsOverShowingNothingOfThePatients() throws Exception {
		Session session = booked("09:00", "en", true);
		this.clock.moveTo(session.end().plus(Duration.ofHours(2)));

		String page = this.mvc.perform(get(session.page()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(page)
			.contains("How was your session with Arjun Patel on "
					+ DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH).format(NextWeek.MONDAY) + "?")
			.contains("name=\"_csrf\"")
			.contains("action=\"" + session.page() + "\"");
		for (int score = 1; score <= 5; score++) {
			assertThat(page)
				.contains("<input type=\"radio\" name=\"score\" id=\"score-" + score + "\" value=\"" + score
						+ "\" required>")
				.contains("<label for=\"score-" + score + "\">");
		}
		assertThat(page).contains("1 – Poor")
			.contains("5 – Excellent")
			.contains("<label for=\"comment\"")
			.contains("maxlength=\"500\"")
			.doesNotContain(session.email())
			.doesNotContain("2348021")
			.doesNotContain("234-8021")
			.doesNotContain("Feedback Patient")
			.doesNotContain("Left knee");
	}

	@Test
	void publishesTheAnswerKeyedByThePatientsContactAndTakesASecondOne() throws Exception {
		Session session = booked("09:45", "en", true);
		this.clock.moveTo(session.end().plus(Duration.ofDays(2)));

		answer(session, "4", "  The exercises already help.  ").andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Thank you"),
					containsString("Your answer goes to Arjun Patel."), containsString("your latest answer counts"))));
		answer(session, "5", "").andExpect(status().isOk());
		this.mvc.perform(post(session.page()).with(ClientAddresses.fresh()).param("score", "1"))
			.andExpect(status().isForbidden());

		List<ConsumerRecord<PatientContact, PatientReply>> answers = answersAbout(session);
		assertThat(answers).hasSize(2);
		assertThat(answers.get(0).key()).isEqualTo(new PatientContact("+12892348021"));
		assertThat(answers.get(0).value()).isInstanceOfSatisfying(FeedbackAnswered.class, (answer) -> {
			assertThat(answer.contact()).isEqualTo(new PatientContact("+12892348021"));
			assertThat(answer.appointmentId()).isEqualTo(session.id());
			assertThat(answer.score()).isEqualTo(4);
			assertThat(answer.comment()).isEqualTo("The exercises already help.");
			assertThat(answer.receivedAt()).isAfter(session.end());
		});
		assertThat(answers.get(1).value()).isInstanceOfSatisfying(FeedbackAnswered.class, (answer) -> {
			assertThat(answer.score()).isEqualTo(5);
			assertThat(answer.comment()).isNull();
		});
	}

	@Test
	void showsWhatIsWrongBesideItsFieldAndPublishesNothing() throws Exception {
		Session session = booked("10:30", "en", true);
		this.clock.moveTo(session.end().plus(Duration.ofHours(1)));

		for (String score : new String[] { "0", "6", "", "four" }) {
			answer(session, score, "Fine").andExpect(status().isBadRequest())
				.andExpect(content().string(allOf(containsString("Please correct the highlighted fields."),
						containsString(
								"<p class=\"error\" id=\"score-error\">please choose one of the five answers</p>"),
						containsString("aria-describedby=\"score-error\""), containsString(">Fine</textarea>"))));
		}
		this.mvc.perform(post(session.page()).with(ClientAddresses.fresh()).param("comment", "No score").with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("id=\"score-error\"")));
		answer(session, "3", "x".repeat(SessionFeedback.COMMENT_LENGTH + 1)).andExpect(status().isBadRequest())
			.andExpect(content().string(
					allOf(containsString("<p class=\"error\" id=\"comment-error\">must be at most 500 characters</p>"),
							containsString("id=\"score-3\" value=\"3\" required checked=\"checked\""))));
		answer(session, "3", "Bell\u0007 ringing").andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("id=\"comment-error\"")));

		assertThat(answersAbout(session)).isEmpty();
		answer(session, "3", "y".repeat(SessionFeedback.COMMENT_LENGTH)).andExpect(status().isOk());
		assertThat(answersAbout(session)).hasSize(1);
	}

	@Test
	void answersABurstOfAnswersFromOneAddressWithAPageSayingToWait() throws Exception {
		var address = ClientAddresses.fresh();
		String page = "/feedback/" + TOKENS.issueFeedback(AppointmentId.random());
		for (int i = 0; i < 5; i++) {
			this.mvc.perform(post(page).with(address).with(csrf()).param("score", "5"))
				.andExpect(status().isNotFound());
		}
		this.mvc.perform(post(page).with(address).with(csrf()).param("score", "5"))
			.andExpect(status().isTooManyRequests());
	}

	@Test
	void opensNothingForAForgedTokenOrTheManageLinksToken() throws Exception {
		Session session = booked("11:15", "en", true);
		this.clock.moveTo(session.end().plus(Duration.ofHours(1)));
		String forged = TOKENS.issueFeedback(AppointmentId.random()).substring(0, 22) + session.token().substring(22);
		String manage = TOKENS.issue(session.id(), 0);
		String guessed = new ManageTokens("a-guess-at-the-secret-of-32-characters!").issueFeedback(session.id());

		for (String token : new String[] { forged, manage, guessed, "not-a-token" }) {
			this.mvc.perform(get("/feedback/" + token))
				.andExpect(status().isNotFound())
				.andExpect(content().string(containsString("This link no longer opens an appointment")));
			this.mvc
				.perform(post("/feedback/" + token).with(ClientAddresses.fresh())
					.param("score", "5")
					.param("comment", "Forged")
					.with(csrf()))
				.andExpect(status().isNotFound());
		}
		this.mvc.perform(
				get("/api/feedback/{id}", session.id().value()).header(HttpHeaders.AUTHORIZATION, "Bearer " + manage))
			.andExpect(status().isForbidden());

		assertThat(answersAbout(session)).isEmpty();
	}

	@Test
	void opensNoManagePageWithTheFeedbackLinksToken() throws Exception {
		Session session = booked("12:00", "en", true);

		this.mvc.perform(get("/m/" + TOKENS.issue(session.id(), 0))).andExpect(status().isOk());
		this.mvc.perform(get("/m/" + session.token())).andExpect(status().isNotFound());
		this.mvc.perform(post("/m/" + session.token() + "/confirm").with(csrf())).andExpect(status().isNotFound());
		this.mvc.perform(get("/api/appointments/{id}", session.id().value()).header(HttpHeaders.AUTHORIZATION,
				"Bearer " + session.token()))
			.andExpect(status().isForbidden());
	}

	@Test
	void saysPolitelyThatTheQuestionOpensOnceTheSessionIsOverAndTakesNothingBefore() throws Exception {
		Session session = booked("12:45", "en", true);
		this.clock.moveTo(session.end().minus(Duration.ofMinutes(5)));

		this.mvc.perform(get(session.page()))
			.andExpect(status().isConflict())
			.andExpect(content().string(allOf(containsString("Your session is not over yet"),
					containsString("after your session on"), not(containsString("name=\"score\"")))));
		answer(session, "5", "Early").andExpect(status().isConflict());

		assertThat(answersAbout(session)).isEmpty();
	}

	@Test
	void saysPolitelyThatAnswersCloseAWeekAfterTheSession() throws Exception {
		Session session = booked("13:30", "en", true);
		this.clock.moveTo(session.end().plus(SessionFeedback.ANSWER_WITHIN).minus(Duration.ofMinutes(1)));
		this.mvc.perform(get(session.page())).andExpect(status().isOk());

		this.clock.moveTo(session.end().plus(SessionFeedback.ANSWER_WITHIN).plus(Duration.ofMinutes(1)));

		this.mvc.perform(get(session.page()))
			.andExpect(status().isGone())
			.andExpect(content().string(allOf(containsString("This question has closed"),
					containsString("for a week after a session"), not(containsString("name=\"score\"")))));
		answer(session, "2", "Late").andExpect(status().isGone());

		assertThat(answersAbout(session)).isEmpty();
	}

	@Test
	void asksNothingOfAPatientWhoDidNotAgreeToBeAsked() throws Exception {
		Session session = booked("14:15", "en", false);
		this.clock.moveTo(session.end().plus(Duration.ofHours(1)));

		this.mvc.perform(get(session.page()))
			.andExpect(status().isForbidden())
			.andExpect(content().string(
					allOf(containsString("We do not ask about this session"), not(containsString("name=\"score\"")))));
		answer(session, "5", "Unasked").andExpect(status().isForbidden());

		assertThat(answersAbout(session)).isEmpty();
	}

	@Test
	void asksInThePatientsLanguage() throws Exception {
		Session session = booked("15:00", "fr", true);
		this.clock.moveTo(session.end().plus(Duration.ofHours(1)));

		this.mvc.perform(get(session.page()))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("<html lang=\"fr\">"),
					containsString("Comment s&#39;est passée votre séance avec Arjun Patel le lundi"),
					containsString("5 – Excellente"), containsString("Envoyer ma réponse"))));
		answer(session, "9", "").andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("veuillez choisir une des cinq réponses")));
		answer(session, "4", "").andExpect(status().isOk())
			.andExpect(content().string(containsString("Votre réponse sera transmise à Arjun Patel.")));
	}

	@Test
	void readsTheSessionOverTheApiForTheHolderOfTheLinkAsAnotherInstanceWould() throws Exception {
		Session session = booked("15:45", "en", true);

		this.mvc
			.perform(get("/api/feedback/{id}", session.id().value()).header(HttpHeaders.AUTHORIZATION,
					"Bearer " + session.token()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.practitionerName").value("Arjun Patel"))
			.andExpect(jsonPath("$.asked").value(true))
			.andExpect(jsonPath("$.status").value("CONFIRMED"));
		this.mvc.perform(get("/api/feedback/{id}", session.id().value())).andExpect(status().isUnauthorized());
	}

	private ResultActions answer(Session session, String score, String comment) throws Exception {
		return this.mvc.perform(post(session.page()).with(ClientAddresses.fresh())
			.param("score", score)
			.param("comment", comment)
			.with(csrf()));
	}

	private List<ConsumerRecord<PatientContact, PatientReply>> answersAbout(Session session) {
		return this.kafka.read(Topics.PATIENT_REPLIES)
			.stream()
			.filter((record) -> record.value() instanceof FeedbackAnswered answer
					&& session.id().equals(answer.appointmentId()))
			.toList();
	}

	/**
	 * Books a 30-minute follow-up with Arjun Patel at {@code time} through the API and
	 * waits for the decider to confirm it.
	 */
	private Session booked(String time, String language, boolean feedbackConsent) throws Exception {
		String email = "feedback-" + UUID.randomUUID() + "@example.com";
		String start = DAY + "T" + time;
		String json = """
				{"patientName": "Feedback Patient", "email": "%s", "mobilePhone": "289 234 8021",
				 "language": "%s", "feedbackConsent": %s, "location": "oakville", "service": "physio-follow-up",
				 "practitioner": "arjun-patel", "requestedStart": "%s", "notes": "Left knee"}""".formatted(email,
				language, feedbackConsent, start);
		AppointmentId id = ApiBookings.confirmed(this.mvc, json);
		Instant end = LocalDateTime.parse(start).atZone(TORONTO).plusMinutes(30).toInstant();
		return new Session(id, TOKENS.issueFeedback(id), end, email);
	}

	/** A booked session, its feedback link's token, its end, and its patient's email. */
	private record Session(AppointmentId id, String token, Instant end, String email) {

		String page() {
			return "/feedback/" + this.token;
		}

	}

}
