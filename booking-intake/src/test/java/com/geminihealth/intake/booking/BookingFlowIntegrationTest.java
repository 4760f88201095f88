package com.geminihealth.intake.booking;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.geminihealth.intake.IntakeIntegrationTest;
import com.geminihealth.intake.KafkaTopics;
import com.geminihealth.intake.NextWeek;
import com.geminihealth.intake.challenge.ProofOfWork;
import com.geminihealth.intake.challenge.Solved;
import com.geminihealth.intake.web.ClientAddresses;
import com.geminihealth.schemas.Topics;
import com.geminihealth.schemas.booking.BookAppointment;
import com.geminihealth.schemas.booking.Screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The booking page as one flow: location, service, practitioner or anyone, a week of open
 * times, then the details with the screening questions; each asked once, in English or
 * French.
 */
@IntakeIntegrationTest
class BookingFlowIntegrationTest {

	/** A Friday no other test books: Maya Chen works in Burlington 09:00-15:00. */
	static final LocalDate FRIDAY = NextWeek.MONDAY.plusWeeks(8).plusDays(4);

	@Autowired
	MockMvc mvc;

	@Autowired
	KafkaTopics kafka;

	@Autowired
	ProofOfWork proofOfWork;

	@Test
	void asksTheLocationThenTheServiceThenWhoThenShowsAWeekOfOpenTimes() throws Exception {
		String locations = page(get("/book"));
		assertThat(locations).contains("Step 1 of 5")
			.contains(">Where would you like to come?</h2>")
			.contains("href=\"/book?location=burlington\"")
			.doesNotContain("<select");

		String services = page(get("/book").param("location", "burlington"));
		assertThat(services).contains("Step 2 of 5")
			.contains("Gemini Health Burlington")
			.contains("href=\"/book?location=burlington&amp;service=rmt-swedish-60\"")
			.contains("Swedish massage")
			.contains("60 min");

		String who = page(get("/book").param("location", "burlington").param("service", "rmt-swedish-60"));
		assertThat(who).contains("Step 3 of 5")
			.contains("practitioner=anyone\"")
			.contains("practitioner=maya-chen\"")
			.contains("Anyone available");

		String week = page(get("/book").param("location", "burlington")
			.param("service", "rmt-swedish-60")
			.param("practitioner", "maya-chen")
			.param("date", FRIDAY.toString()));
		assertThat(week).contains("Step 4 of 5").contains(">Choose a time</h2>").contains("id=\"open-times\"");
		assertThat(Pattern.compile("<li>\\s*<(a|span)[^>]*data-date=\"").matcher(week).results().count())
			.as("seven days at a glance")
			.isEqualTo(7);
		assertThat(week).contains("aria-current=\"date\" data-date=\"" + FRIDAY + "\"")
			.contains(">09:00 with Maya Chen</a>")
			.contains("start=" + FRIDAY + "T09:00")
			.contains("id=\"later-days\"");
	}

	@Test
	void showsATimeOnceWhenAnyoneAvailableWillDo() throws Exception {
		String week = page(get("/book").param("location", "burlington")
			.param("service", "rmt-swedish-60")
			.param("practitioner", "anyone")
			.param("date", FRIDAY.plusDays(1).toString()));

		// Saturday: Daniel Okafor from 09:00.
		assertThat(week).contains("Anyone available").contains("id=\"open-times\"");
		Matcher nine = Pattern.compile("start=" + FRIDAY.plusDays(1) + "T09:00\"").matcher(week);
		assertThat(nine.results().count()).isEqualTo(1);
	}

	@Test
	void saysSoWhenAWeekHasNoOpenTimes() throws Exception {
		String week = page(get("/book").param("location", "burlington")
			.param("service", "rmt-swedish-60")
			.param("practitioner", "anyone")
			.param("week", NextWeek.MONDAY.plusDays(400).toString()));

		assertThat(week).contains("No open times these seven days.")
			.doesNotContain("id=\"open-times\"")
			.contains("id=\"earlier-days\"");
	}

	@Test
	void asksNothingTwice() throws Exception {
		String details = page(get(BookingForm.DETAILS_PAGE));

		assertThat(details).contains("Step 5 of 5").doesNotContain("<select").doesNotContain("datetime-local");
		Matcher held = Pattern.compile("<input[^>]*name=\"(location|service|practitioner|requestedStart)\"[^>]*>")
			.matcher(details);
		List<String> inputs = held.results().map((input) -> input.group()).toList();
		assertThat(inputs).hasSize(4).allSatisfy((input) -> assertThat(input).contains("type=\"hidden\""));
		assertThat(details).contains("Maya Chen").contains("Swedish massage").contains("10:00");
	}

	@Test
	void theLanguageSwitchKeepsThePatientOnTheirStep() throws Exception {
		String services = page(get("/book").param("location", "burlington").param("lang", "en"));

		assertThat(services).contains("href=\"?location=burlington&amp;lang=fr\"").doesNotContain("lang=en&amp;lang");
	}

	@ParameterizedTest
	@CsvSource({ "en, please answer yes or no, is required, is not a valid phone number",
			"fr, veuillez répondre oui ou non, est obligatoire, doit être un numéro de téléphone valide" })
	void marksEachUnansweredQuestionAndEachWrongFieldInThePatientsLanguage(String language, String unanswered,
			String required, String badPhone) throws Exception {
		String name = "Unscreened " + UUID.randomUUID();

		String page = page(
				form("", "unscreened@example.com", FRIDAY + "T09:00").cookie(new Cookie("language", language))
					.param("mobilePhone", "12")
					.param("legWeakness", "false")
					.param("fallOrInjury", "true"));

		assertThat(page).contains("id=\"bowelOrBladder-error\">" + unanswered + "</p>")
			.contains("id=\"saddleNumbness-error\">" + unanswered + "</p>")
			.doesNotContain("id=\"legWeakness-error\"")
			.contains("id=\"patientName-error\">" + required + "</p>")
			.contains("id=\"mobilePhone-error\">" + badPhone + "</p>")
			// What was answered stays answered.
			.containsPattern("id=\"fallOrInjury-yes\"[^>]*checked")
			.containsPattern("id=\"legWeakness-no\"[^>]*checked");
		assertThat(bookingsFor(name)).isEmpty();
	}

	@Test
	void asksAgainWhenAnAnswerIsNeitherYesNorNo() throws Exception {
		String name = "Maybe " + UUID.randomUUID();

		String page = page(
				form(name, "maybe@example.com", FRIDAY + "T12:45").with(BookingForm.answeredNo()).with((request) -> {
					request.setParameter("bowelOrBladder", "maybe");
					return request;
				}));

		assertThat(page).contains("Please correct the highlighted fields.")
			.contains("id=\"bowelOrBladder-error\">is not a value we can read</p>")
			.contains("value=\"" + name + "\"");
		assertThat(bookingsFor(name)).isEmpty();
	}

	@ParameterizedTest
	@CsvSource({ "en, 09:00, Please see a doctor before your visit, 'Swedish massage, 60 min with Maya Chen'",
			"fr, 10:15, Veuillez consulter un médecin avant votre visite, 'Massage suédois, 60 min avec Maya Chen'" })
	void booksWithARedFlagAndAdvisesSeeingADoctorFirst(String language, String time, String advice, String confirmed)
			throws Exception {
		String name = "Flagged " + UUID.randomUUID();

		String answer = this.mvc
			.perform(form(name, "flagged@example.com", FRIDAY + "T" + time).cookie(new Cookie("language", language))
				.with(BookingForm.answeredYesTo("saddleNumbness")))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();

		assertThat(bookingsFor(name)).singleElement()
			.satisfies((book) -> assertThat(book.screening()).isEqualTo(Screening.RED_FLAGS));
		assertThat(answer).doesNotContain("screening").doesNotContain("flag");
		String page = decided(answer, language);
		assertThat(page).contains("data-status=\"CONFIRMED\"")
			.contains("id=\"seek-care\"")
			.contains(advice)
			.contains(confirmed);
	}

	@Test
	void booksWithNoFlagWhenEveryAnswerIsNo() throws Exception {
		String name = "Clear " + UUID.randomUUID();

		String answer = this.mvc
			.perform(form(name, "clear@example.com", FRIDAY + "T11:30").with(BookingForm.answeredNo()))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();

		assertThat(bookingsFor(name)).singleElement()
			.satisfies((book) -> assertThat(book.screening()).isEqualTo(Screening.CLEAR));
		assertThat(decided(answer, "en")).contains("data-status=\"CONFIRMED\"").doesNotContain("id=\"seek-care\"");
	}

	private MockHttpServletRequestBuilder form(String name, String email, String start) {
		return post("/book").with(ClientAddresses.fresh())
			.with(Solved.challenge(this.proofOfWork))
			.with(csrf())
			.param("patientName", name)
			.param("email", email)
			.param("location", "burlington")
			.param("service", "rmt-swedish-60")
			.param("practitioner", "maya-chen")
			.param("requestedStart", start);
	}

	private String page(MockHttpServletRequestBuilder request) throws Exception {
		return this.mvc.perform(request).andReturn().getResponse().getContentAsString();
	}

	private List<BookAppointment> bookingsFor(String name) {
		return this.kafka.values(Topics.BOOKING_COMMANDS)
			.stream()
			.filter((command) -> command instanceof BookAppointment book && book.patient().name().equals(name))
			.map(BookAppointment.class::cast)
			.toList();
	}

	private String decided(String answerPage, String language) {
		return await().atMost(Duration.ofSeconds(30))
			.until(() -> page(get(answerPage).cookie(new Cookie("language", language))),
					(page) -> !page.contains("data-status=\"PENDING\""));
	}

}
