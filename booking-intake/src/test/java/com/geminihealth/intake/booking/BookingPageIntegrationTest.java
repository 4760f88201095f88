package com.geminihealth.intake.booking;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.geminihealth.intake.NextClockChanges;
import com.geminihealth.intake.NextWeek;
import com.geminihealth.intake.IntakeIntegrationTest;
import com.geminihealth.intake.KafkaTopics;
import com.geminihealth.intake.challenge.ProofOfWork;
import com.geminihealth.intake.challenge.Solved;
import com.geminihealth.intake.web.ClientAddresses;
import com.geminihealth.schemas.Topics;
import com.geminihealth.schemas.booking.BookAppointment;
import com.geminihealth.schemas.booking.Consent;
import com.geminihealth.schemas.booking.Language;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntakeIntegrationTest
class BookingPageIntegrationTest {

	/** A Monday no other test books: Maya Chen works in Burlington 09:00-17:00. */
	static final LocalDate DAY = NextWeek.MONDAY.plusWeeks(1);

	/** Two days later, for tests of the page rather than the calendar. */
	static final LocalDate WEDNESDAY = DAY.plusDays(2);

	@Autowired
	MockMvc mvc;

	@Autowired
	KafkaTopics kafka;

	@Autowired
	ProofOfWork proofOfWork;

	@Test
	void labelsEveryFieldOfTheForm() throws Exception {
		String page = this.mvc.perform(get(BookingForm.DETAILS_PAGE))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		for (String field : new String[] { "patientName", "email", "mobilePhone", "smsConsent", "followUpConsent",
				"feedbackConsent", "notes", "legWeakness-yes", "legWeakness-no", "bowelOrBladder-yes",
				"saddleNumbness-yes", "fallOrInjury-no" }) {
			assertThat(page).contains("<label for=\"" + field + "\"").contains("id=\"" + field + "\"");
		}
		assertThat(page).contains("name=\"_csrf\"").contains("Gemini Health Burlington").contains("Maya Chen");
		// The patient's language is the page's, said in words rather than asked again.
		assertThat(page).contains("name=\"language\" value=\"en\"").contains("We will write to you in English.");
	}

	@Test
	void booksThroughTheFormAndShowsTheConfirmation() throws Exception {
		String name = "Form " + UUID.randomUUID();

		String answerPage = this.mvc
			.perform(form(name, "form@example.com", "905 555 0143", "11:30").param("feedbackConsent", "true")
				.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();

		assertThat(bookingsFor(name)).singleElement()
			.satisfies((booking) -> assertThat(booking.patient().consent()).isEqualTo(new Consent(true, false, true)));
		String page = decided(answerPage);
		assertThat(page).contains("Confirmed.").contains("Maya Chen").contains("11:30").contains("Swedish massage");
	}

	@Test
	void offersTheNearestOpenTimesWhenTheSlotIsTaken() throws Exception {
		decided(this.mvc
			.perform(form("First " + UUID.randomUUID(), "a@example.com", "905 555 0101", "15:00").with(csrf()))
			.andReturn()
			.getResponse()
			.getRedirectedUrl());

		String page = decided(this.mvc
			.perform(form("Second " + UUID.randomUUID(), "b@example.com", "905 555 0102", "15:00").with(csrf()))
			.andReturn()
			.getResponse()
			.getRedirectedUrl());

		assertThat(page).contains("Sorry, that time was just taken.")
			.contains("These times are open:")
			.contains("start=" + DAY + "T13:45")
			.doesNotContain("start=" + DAY + "T15:00")
			.contains("href=\"/waitlist?location=burlington&amp;service=rmt-swedish-60\">Join the waitlist</a>");
		// Offered nearest first (13:45, 13:30, 13:15), listed as the day runs.
		assertThat(page.indexOf("T13:15")).isPositive().isLessThan(page.indexOf("T13:30"));
		assertThat(page.indexOf("T13:30")).isLessThan(page.indexOf("T13:45"));
	}

	@Test
	void listsOpenTimesAsLinksThatFillInTheForm() throws Exception {
		decided(this.mvc
			.perform(form("Busy " + UUID.randomUUID(), "c@example.com", "905 555 0103", "09:00").with(csrf()))
			.andReturn()
			.getResponse()
			.getRedirectedUrl());

		this.mvc
			.perform(get("/book").param("location", "burlington")
				.param("service", "rmt-swedish-60")
				.param("practitioner", "maya-chen")
				.param("date", DAY.toString()))
			.andExpect(status().isOk())
			// 09:00-10:00 and its 15 minute buffer are taken.
			.andExpect(content().string(containsString(">10:15 with Maya Chen")))
			.andExpect(content().string(not(containsString(">09:00 with Maya Chen"))))
			.andExpect(content().string(not(containsString(">09:15 with Maya Chen"))));
		this.mvc
			.perform(get("/book").param("location", "burlington")
				.param("service", "rmt-swedish-60")
				.param("practitioner", "maya-chen")
				.param("start", DAY + "T16:00"))
			.andExpect(content().string(containsString("name=\"requestedStart\" value=\"" + DAY + "T16:00")));
	}

	@Test
	void fillsInThePatientsDetailsWhenTheyPickAnAlternativeFromASignedCookie() throws Exception {
		String name = "Again " + UUID.randomUUID();
		Cookie details = this.mvc
			.perform(validFormWith(name, "requestedStart", WEDNESDAY + "T11:30").param("feedbackConsent", "true")
				.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getCookie("booking-details");
		String alternative = DAY + "T13:45";

		assertThat(details).isNotNull().satisfies((cookie) -> {
			assertThat(cookie.isHttpOnly()).isTrue();
			assertThat(cookie.getPath()).isEqualTo("/book");
			assertThat(cookie.getMaxAge()).isEqualTo(30 * 60);
		});
		this.mvc
			.perform(get("/book").param("location", "burlington")
				.param("service", "rmt-swedish-60")
				.param("practitioner", "maya-chen")
				.param("start", alternative)
				.cookie(details))
			.andExpect(content().string(containsString("value=\"" + name + "\"")))
			.andExpect(content().string(containsString("value=\"905 555 0143\"")))
			.andExpect(content().string(containsString(
					"id=\"feedbackConsent\" type=\"checkbox\" name=\"feedbackConsent\" value=\"true\" checked=\"checked\"")));
		String forged = details.getValue().substring(0, details.getValue().lastIndexOf('.')) + ".forged";
		this.mvc
			.perform(get("/book").param("location", "burlington")
				.param("service", "rmt-swedish-60")
				.param("start", alternative)
				.cookie(new Cookie("booking-details", forged)))
			.andExpect(content().string(not(containsString(name))));
	}

	@Test
	void takesTheSameFormSentTwiceAsOneRequest() throws Exception {
		String name = "Twice " + UUID.randomUUID();
		String submission = submissionOf(
				this.mvc.perform(get(BookingForm.DETAILS_PAGE)).andReturn().getResponse().getContentAsString());

		String first = sendForm(name, "T09:30", submission);
		String second = sendForm(name, "T09:30", submission);

		assertThat(second).isEqualTo(first);
		assertThat(bookingsFor(name)).isNotEmpty()
			.allSatisfy((book) -> assertThat("/book/" + book.requestId().value()).isEqualTo(first));
	}

	@Test
	void givesAFormSentAgainWithOtherDetailsARequestOfItsOwn() throws Exception {
		String patient = "Owner " + UUID.randomUUID();
		String other = "Forger " + UUID.randomUUID();
		String submission = submissionOf(
				this.mvc.perform(get(BookingForm.DETAILS_PAGE)).andReturn().getResponse().getContentAsString());
		String patients = sendForm(patient, "T10:30", submission);

		String others = sendForm(other, "T10:30", submission);

		assertThat(others).isNotEqualTo(patients);
		assertThat(bookingsFor(patient)).singleElement()
			.satisfies((book) -> assertThat("/book/" + book.requestId().value()).isEqualTo(patients));
	}

	@Test
	void keepsTheFormsSubmissionWhenItIsShownAgainAndIssuesANewOneForAnythingElse() throws Exception {
		String submission = UUID.randomUUID().toString();

		String shownAgain = this.mvc
			.perform(form("", "nope", "12", "12:00").param("submission", submission).with(csrf()))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String forged = this.mvc
			.perform(form("", "nope", "12", "12:00").param("submission", "../" + submission).with(csrf()))
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(submissionOf(shownAgain)).isEqualTo(submission);
		assertThat(submissionOf(forged)).isNotEqualTo(submission).doesNotContain("..");
		assertThat(submissionOf(
				this.mvc.perform(get(BookingForm.DETAILS_PAGE)).andReturn().getResponse().getContentAsString()))
			.isNotEqualTo(submissionOf(
					this.mvc.perform(get(BookingForm.DETAILS_PAGE)).andReturn().getResponse().getContentAsString()));
	}

	/** The form's submission token, as a browser would send it back. */
	static String submissionOf(String page) {
		java.util.regex.Matcher field = java.util.regex.Pattern.compile("name=\"submission\" value=\"([^\"]+)\"")
			.matcher(page);
		assertThat(field.find()).as("the form carries its submission").isTrue();
		return field.group(1);
	}

	@Test
	void refusesAPostWithoutCsrfToken() throws Exception {
		String name = "NoCsrf " + UUID.randomUUID();

		this.mvc.perform(validForm(name)).andExpect(status().isForbidden());

		assertThat(bookingsFor(name)).isEmpty();
	}

	@Test
	void asksAgainEverySecondForHalfAMinuteThenSaysTheAnswerWillCome() throws Exception {
		String neverSent = "/book/" + UUID.randomUUID();

		this.mvc.perform(get(neverSent))
			.andExpect(content().string(containsString("content=\"1; url=" + neverSent + "?waited=1\"")))
			.andExpect(content().string(containsString("We are checking the calendar")));
		this.mvc.perform(get(neverSent).param("waited", "29"))
			.andExpect(content().string(containsString("?waited=30\"")));
		this.mvc.perform(get(neverSent).param("waited", String.valueOf(BookingPageController.PATIENCE)))
			.andExpect(content().string(not(containsString("http-equiv=\"refresh\""))))
			.andExpect(content().string(containsString("This is taking longer than usual.")));
	}

	@Test
	void answersABurstOfFormsFromOneAddressWithAPageSayingToWait() throws Exception {
		var address = ClientAddresses.fresh();
		for (int i = 0; i < 5; i++) {
			this.mvc.perform(post("/book").with(address).with(csrf()).param("patientName", ""))
				.andExpect(status().isOk());
		}
		this.mvc.perform(post("/book").with(address).with(csrf()).param("patientName", ""))
			.andExpect(status().isTooManyRequests())
			.andExpect(header().exists(HttpHeaders.RETRY_AFTER))
			.andExpect(header().doesNotExist(HttpHeaders.CONTENT_TYPE));
	}

	@Test
	void answersAScraperReadingPagesFromOneAddressWithAPageSayingToWaitButNotItsStyles() throws Exception {
		var address = ClientAddresses.fresh();
		for (int i = 0; i < IntakeIntegrationTest.READS_PER_MINUTE; i++) {
			this.mvc.perform(get("/book").with(address)).andExpect(status().isOk());
		}

		this.mvc.perform(get("/book").with(address))
			.andExpect(status().isTooManyRequests())
			.andExpect(header().exists(HttpHeaders.RETRY_AFTER));
		this.mvc.perform(get("/site.css").with(address)).andExpect(status().isOk());
		this.mvc.perform(get("/livez").with(address)).andExpect(status().isOk());
	}

	@ParameterizedTest
	@CsvSource({ "404, We could not find that page", "403, This page was open too long",
			"429, Too many tries in a short time", "400, That link is not complete",
			"503, We cannot take this right now", "500, 'Sorry, something went wrong on our side'" })
	void showsABrowserAPageOfTheClinicWhenAPageCannotBeShown(int status, String heading) throws Exception {
		String page = this.mvc
			.perform(get("/error").requestAttr(RequestDispatcher.ERROR_STATUS_CODE, status)
				.requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/book/x?email=ada@example.com")
				.accept(MediaType.TEXT_HTML))
			.andExpect(status().is(status))
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(page).contains("<h1>" + heading + "</h1>")
			.contains("href=\"/book\"")
			.contains("href=\"tel:+12892348001\">+1 289-234-8001</a>")
			.doesNotContain("ada@example.com");
	}

	@Test
	void leavesAMangledAnswerLinkToTheErrorPageRatherThanAnsweringJson() throws Exception {
		this.mvc.perform(get("/book/not-a-reference").accept(MediaType.TEXT_HTML))
			.andExpect(status().isBadRequest())
			.andExpect(header().doesNotExist(HttpHeaders.CONTENT_TYPE));
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

		this.mvc.perform(form(name, "nope", "12", "12:00").with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Please correct the highlighted fields")))
			.andExpect(content().string(containsString("id=\"mobilePhone-error\"")))
			.andExpect(content().string(containsString("is not a valid phone number")))
			.andExpect(content().string(containsString("id=\"email-error\"")));

		assertThat(bookingsFor(name)).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "2026-02-30T11:00", "Monday 11am", "99999-01-01T11:00" })
	void showsTheFormAgainWithTheTimeMarkedWhenItCannotBeRead(String start) throws Exception {
		String name = "Unreadable " + UUID.randomUUID();

		this.mvc.perform(validFormWith(name, "requestedStart", start).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Please correct the highlighted fields")))
			.andExpect(content().string(containsString("id=\"requestedStart-error\"")))
			.andExpect(content().string(containsString("value=\"" + name + "\"")));

		assertThat(bookingsFor(name)).isEmpty();
	}

	@Test
	void readsTheLanguageWhateverItsCase() throws Exception {
		String name = "Lowercase " + UUID.randomUUID();

		this.mvc.perform(validFormWith(name, "language", "fr").with(csrf())).andExpect(status().is3xxRedirection());

		assertThat(bookingsFor(name)).singleElement()
			.satisfies((book) -> assertThat(book.patient().language()).isEqualTo(Language.FR));
	}

	@Test
	void collectsNoDirectBillingDetailsEvenWhenSent() throws Exception {
		String name = "Insured " + UUID.randomUUID();

		this.mvc.perform(get("/book")).andExpect(content().string(not(containsString("memberNumber"))));
		this.mvc
			.perform(post("/book").with(ClientAddresses.fresh())
				.with(Solved.challenge(this.proofOfWork))
				.with(csrf())
				.with(BookingForm.answeredNo())
				.param("patientName", name)
				.param("email", "insured@example.com")
				.param("location", "hamilton")
				.param("service", "chiro-visit")
				.param("requestedStart", DAY.plusDays(1) + "T10:00")
				.param("insurer", "Sun Life")
				.param("memberNumber", "SL-123456"))
			.andExpect(status().is3xxRedirection());

		assertThat(bookingsFor(name)).singleElement().satisfies((book) -> assertThat(book.directBilling()).isNull());
	}

	/**
	 * Sends a valid form for {@code name} at {@code time} on Wednesday under
	 * {@code submission}; its answer page.
	 */
	private String sendForm(String name, String time, String submission) throws Exception {
		return this.mvc
			.perform(validFormWith(name, "requestedStart", WEDNESDAY + time).param("submission", submission)
				.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
	}

	private MockHttpServletRequestBuilder validForm(String name) {
		return form(name, "form@example.com", "905 555 0143", "12:00");
	}

	@Test
	void explainsThatATimeTheClocksSkipDoesNotExist() throws Exception {
		String page = decided(this.mvc
			.perform(validFormWith("Gap " + UUID.randomUUID(), "requestedStart",
					NextClockChanges.skippedTime().toString())
				.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl());

		assertThat(page).contains("data-status=\"DECLINED\"").contains("the clocks change that night");
	}

	@Test
	void keepsTheOffsetOfAChosenRepeatedTimeFromTheLinkToTheCommand() throws Exception {
		String repeated = NextClockChanges.repeatedTime().toString();
		String form = this.mvc
			.perform(get("/book").param("location", "burlington")
				.param("service", "rmt-swedish-60")
				.param("start", repeated)
				.param("offset", "-05:00"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(form).contains("name=\"requestedOffset\" value=\"-05:00\"").contains("UTC-05:00");

		String name = "Second " + UUID.randomUUID();
		this.mvc
			.perform(validFormWith(name, "requestedStart", repeated).param("requestedOffset", "-05:00").with(csrf()))
			.andExpect(status().is3xxRedirection());

		assertThat(bookingsFor(name)).singleElement()
			.satisfies((command) -> assertThat(command.requestedOffset()).isEqualTo(ZoneOffset.ofHours(-5)));
	}

	/** A valid form with one field set to {@code value} instead. */
	private MockHttpServletRequestBuilder validFormWith(String name, String field, String value) {
		MockHttpServletRequestBuilder request = validForm(name);
		return request.with((built) -> {
			built.removeParameter(field);
			built.addParameter(field, value);
			return built;
		});
	}

	private MockHttpServletRequestBuilder form(String name, String email, String mobilePhone, String time) {
		return post("/book").with(ClientAddresses.fresh())
			.with(Solved.challenge(this.proofOfWork))
			.with(BookingForm.answeredNo())
			.param("patientName", name)
			.param("email", email)
			.param("mobilePhone", mobilePhone)
			.param("language", "EN")
			.param("smsConsent", "true")
			.param("location", "burlington")
			.param("service", "rmt-swedish-60")
			.param("practitioner", "maya-chen")
			.param("requestedStart", DAY + "T" + time);
	}

	private java.util.List<BookAppointment> bookingsFor(String name) {
		return this.kafka.values(Topics.BOOKING_COMMANDS)
			.stream()
			.filter((command) -> command instanceof BookAppointment book && book.patient().name().equals(name))
			.map(BookAppointment.class::cast)
			.toList();
	}

	/**
	 * The answer page once the decider has answered; until then it says it is checking.
	 */
	private String decided(String answerPage) {
		return await().atMost(Duration.ofSeconds(30))
			.until(() -> this.mvc.perform(get(answerPage)).andReturn().getResponse().getContentAsString(),
					(page) -> !page.contains("data-status=\"PENDING\""));
	}

}
