package com.geminihealth.intake.web;

import java.util.ArrayList;
import java.util.List;
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
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.geminihealth.intake.IntakeIntegrationTest;
import com.geminihealth.intake.challenge.ProofOfWork;
import com.geminihealth.intake.booking.BookingForm;
import com.geminihealth.intake.challenge.Solved;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The public pages speak English or French: the browser's language first, then the one
 * the patient picks with the switch, remembered by a cookie.
 */
@IntakeIntegrationTest
class PageLanguageIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	ProofOfWork proofOfWork;

	@Test
	void greetsAFrenchBrowserInFrenchAndOthersInEnglish() throws Exception {
		assertThat(page(get(BookingForm.DETAILS_PAGE).header(HttpHeaders.ACCEPT_LANGUAGE, "fr-CA,fr;q=0.9,en;q=0.8")))
			.contains("<html lang=\"fr\">")
			.contains(">Prendre rendez-vous</h1>")
			.contains("<label for=\"patientName\">Nom complet</label>")
			.contains("name=\"language\" value=\"fr\"")
			.contains("Nous vous écrirons en français.");
		assertThat(page(get("/book").header(HttpHeaders.ACCEPT_LANGUAGE, "de-DE,fr;q=0.5")))
			.as("the first of the browser's languages that we speak")
			.contains("<html lang=\"fr\">");
		assertThat(page(get("/book").header(HttpHeaders.ACCEPT_LANGUAGE, "de-DE,es;q=0.5")))
			.contains("<html lang=\"en\">")
			.contains(">Book an appointment</h1>");
		assertThat(page(get(BookingForm.DETAILS_PAGE))).contains("<html lang=\"en\">")
			.contains("name=\"language\" value=\"en\"");
	}

	@Test
	void remembersThePatientsChoiceInACookieOverTheBrowsersLanguage() throws Exception {
		MockHttpServletResponse switched = this.mvc.perform(get("/book").param("lang", "fr")).andReturn().getResponse();

		assertThat(switched.getContentAsString()).contains("<html lang=\"fr\">")
			.containsPattern("href=\"\\?lang=fr\"\\s+aria-current=\"true\">Français</a>");
		assertThat(languageCookie(switched))
			.contains("language=fr", "Path=/", "Max-Age=31536000", "HttpOnly", "SameSite=Lax")
			.doesNotContain("Secure");
		Cookie remembered = new Cookie("language", "fr");
		assertThat(page(get("/contact").cookie(remembered).header(HttpHeaders.ACCEPT_LANGUAGE, "en-CA")))
			.contains("<html lang=\"fr\">")
			.contains(">Nous écrire</h1>");
		assertThat(page(get("/contact").cookie(remembered).param("lang", "en"))).contains("<html lang=\"en\">");
		assertThat(page(get("/contact").cookie(new Cookie("language", "<script>")))).contains("<html lang=\"en\">");
	}

	@Test
	void marksTheCookieSecureOnASecurePage() throws Exception {
		MockHttpServletResponse switched = this.mvc.perform(get("/book").secure(true).param("lang", "fr"))
			.andReturn()
			.getResponse();

		assertThat(languageCookie(switched)).contains("language=fr", "Secure");
	}

	@Test
	void leavesThePageAsItWasForALanguageWeDoNotSpeak() throws Exception {
		MockHttpServletResponse response = this.mvc
			.perform(get("/book").param("lang", "de").header(HttpHeaders.ACCEPT_LANGUAGE, "fr"))
			.andReturn()
			.getResponse();

		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getContentAsString()).contains("<html lang=\"fr\">");
		assertThat(languageCookie(response)).isNull();
	}

	@Test
	void showsFieldErrorsInThePatientsLanguage() throws Exception {
		String page = page(post("/contact").with(ClientAddresses.fresh())
			.with(Solved.challenge(this.proofOfWork))
			.with(csrf())
			.cookie(new Cookie("language", "fr"))
			.param("name", "")
			.param("email", "kim@example.com")
			.param("phone", "12")
			.param("language", "fr")
			.param("message", "Bonjour " + UUID.randomUUID()));

		assertThat(page).contains("Veuillez corriger les champs signalés.")
			.contains("id=\"name-error\">est obligatoire</p>")
			.contains("id=\"phone-error\">doit être un numéro de téléphone valide</p>");
		assertThat(page(contactInFrench().param("phone", "9".repeat(31)).param("language", "fr")))
			.contains("id=\"phone-error\">doit compter au plus 30 caractères");
		assertThat(page(contactInFrench().param("language", "xx")))
			.contains("id=\"language-error\">est une valeur que nous ne pouvons pas lire</p>");
	}

	@ParameterizedTest
	@CsvSource({ "en, 'Swedish massage, 60 min', 'Massage suédois, 60 min'",
			"fr, 'Massage suédois, 60 min', 'Swedish massage, 60 min'" })
	void namesTheServiceInThePagesLanguageAtEveryStep(String language, String serviceName, String otherName)
			throws Exception {
		Cookie chosen = new Cookie("language", language);
		String services = page(get("/book").param("location", "burlington").cookie(chosen));
		String practitioners = page(
				get("/book").param("location", "burlington").param("service", "rmt-swedish-60").cookie(chosen));
		String details = page(get(BookingForm.DETAILS_PAGE).cookie(chosen));

		assertThat(services).contains("<span class=\"choice-name\">" + serviceName + "</span>");
		assertThat(List.of(practitioners, details))
			.allSatisfy((page) -> assertThat(page).contains("<span>" + serviceName + "</span>"));
		assertThat(List.of(services, practitioners, details))
			.allSatisfy((page) -> assertThat(page).doesNotContain(otherName));
	}

	@ParameterizedTest
	@ValueSource(strings = { "en", "fr" })
	void findsEveryWordOfEveryPageInTheBundle(String language) throws Exception {
		Cookie chosen = new Cookie("language", language);
		List<String> pages = new ArrayList<>(List.of(page(get("/book").cookie(chosen)),
				page(get("/book").param("location", "burlington").cookie(chosen)),
				page(get("/book").param("location", "burlington").param("service", "rmt-swedish-60").cookie(chosen)),
				page(get("/book").param("location", "burlington")
					.param("service", "rmt-swedish-60")
					.param("practitioner", "anyone")
					.cookie(chosen)),
				page(get(BookingForm.DETAILS_PAGE).cookie(chosen)), page(get("/contact").cookie(chosen)),
				page(get("/book/" + UUID.randomUUID()).cookie(chosen)),
				page(get("/book/" + UUID.randomUUID()).param("waited", "30").cookie(chosen)),
				page(get("/m/not-a-token").cookie(chosen)),
				page(post("/contact").with(ClientAddresses.fresh()).with(csrf()).cookie(chosen).param("name", "")),
				page(post("/book").with(ClientAddresses.fresh())
					.with(Solved.challenge(this.proofOfWork))
					.with(csrf())
					.cookie(chosen)
					.param("requestedStart", "Monday 11am"))));
		for (int status : new int[] { 400, 403, 404, 429, 500, 503 }) {
			pages.add(page(get("/error").cookie(chosen)
				.requestAttr(RequestDispatcher.ERROR_STATUS_CODE, status)
				.requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/somewhere")
				.accept(MediaType.TEXT_HTML)));
		}

		assertThat(pages).allSatisfy((page) -> assertThat(page)
			.as(page.lines().filter((line) -> line.contains("<title>")).findFirst().orElse("no page"))
			.contains("<html lang=\"" + language + "\">")
			.contains("id=\"language-en\"", "id=\"language-fr\"")
			.doesNotContain("??")
			.satisfies((shown) -> assertThat(shown.split("<header", -1)).as("one header").hasSize(2)));
	}

	/** A contact form sent from a French page, but for the fields a test adds. */
	private MockHttpServletRequestBuilder contactInFrench() {
		return post("/contact").with(ClientAddresses.fresh())
			.with(Solved.challenge(this.proofOfWork))
			.with(csrf())
			.cookie(new Cookie("language", "fr"))
			.param("name", "Kim")
			.param("email", "kim@example.com")
			.param("message", "Bonjour " + UUID.randomUUID());
	}

	private String page(MockHttpServletRequestBuilder request) throws Exception {
		return this.mvc.perform(request).andReturn().getResponse().getContentAsString();
	}

	private static String languageCookie(MockHttpServletResponse response) {
		return response.getHeaders(HttpHeaders.SET_COOKIE)
			.stream()
			.filter((cookie) -> cookie.startsWith("language="))
			.findFirst()
			.orElse(null);
	}

}
