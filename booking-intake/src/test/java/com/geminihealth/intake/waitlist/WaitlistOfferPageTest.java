package com.geminihealth.intake.waitlist;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

import com.geminihealth.intake.clinic.TestClinic;
import com.geminihealth.intake.decider.RequestStatus;
import com.geminihealth.intake.manage.Offers;
import com.geminihealth.intake.manage.PatientAccess;
import com.geminihealth.intake.manage.WaitlistOffer;
import com.geminihealth.intake.web.PageLanguage;
import com.geminihealth.schemas.booking.AppointmentId;
import com.geminihealth.schemas.booking.Language;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The page of a waitlist offer, in each state the decider can leave it in, as its patient
 * sees it through the link in the offer. {@link PatientAccess} stands in for the decider:
 * what it answers is what the link opens ({@code PatientAccessTest}).
 */
class WaitlistOfferPageTest {

	private static final String TOKEN = "t".repeat(44);

	private static final String PAGE = "/waitlist/offers/" + TOKEN;

	private final PatientAccess access = mock(PatientAccess.class);

	private final WaitlistIntake intake = mock(WaitlistIntake.class);

	private final MockMvc mvc = MockMvcBuilders
		.standaloneSetup(new WaitlistOfferPageController(this.access, this.intake, TestClinic.clinic(),
				Clock.fixed(Offers.NOW, TestClinic.TORONTO)))
		.setViewResolvers(views())
		.setLocaleResolver(new PageLanguage())
		.build();

	@Test
	void showsTheTimeHowLongItIsHeldAndAButtonToBookIt() throws Exception {
		offered(RequestStatus.State.OFFERED, Language.EN);

		this.mvc.perform(get(PAGE))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("data-state=\"OFFERED\""),
					containsString("A time has freed up for you"), containsString("Massage, 60 min"),
					containsString("Ana Silva"), containsString("Tuesday, December 8, 2026 at 10:00"),
					containsString("Downtown, 1 Main St"), containsString("for 10 more minutes, until 09:10"),
					containsString("action=\"/waitlist/offers/" + TOKEN + "/claim\""), containsString("Book this time"),
					not(containsString("http-equiv=\"refresh\"")))));
	}

	@Test
	void showsItInThePatientsLanguage() throws Exception {
		offered(RequestStatus.State.OFFERED, Language.FR);

		this.mvc.perform(get(PAGE))
			.andExpect(content().string(allOf(containsString("Une heure s&#39;est libérée pour vous"),
					containsString("<dd>Massothérapie, 60 min</dd>"), not(containsString("Massage, 60 min")),
					containsString("Réserver cette heure"), containsString("jusqu&#39;à 9 h 10"))));
	}

	@Test
	void claimsTheTimeAsThePatientThenAsksAgainEverySecondUntilTheDeciderAnswers() throws Exception {
		WaitlistOffer offer = offered(RequestStatus.State.OFFERED, Language.EN);

		this.mvc.perform(post(PAGE + "/claim")).andExpect(redirectedUrl(PAGE + "?claiming=0"));

		verify(this.intake).claim(offer);
		this.mvc.perform(get(PAGE).param("claiming", "0"))
			.andExpect(content()
				.string(allOf(containsString("data-state=\"CLAIMING\""), containsString("We are booking it for you"),
						containsString("content=\"1; url=" + PAGE + "?claiming=1\""),
						not(containsString("Book this time")))));
		this.mvc.perform(get(PAGE).param("claiming", String.valueOf(WaitlistOfferPageController.PATIENCE)))
			.andExpect(content().string(allOf(not(containsString("http-equiv=\"refresh\"")),
					containsString("This is taking longer than usual"))));
	}

	@Test
	void saysItIsTheirsWithTheirAppointmentsPageOnceClaimed() throws Exception {
		offered(RequestStatus.State.CONFIRMED, Language.EN);

		this.mvc.perform(get(PAGE).param("claiming", "3"))
			.andExpect(content().string(allOf(containsString("data-state=\"CONFIRMED\""), containsString("It is yours"),
					containsString("Ana Silva"), containsString("href=\"/m/" + TOKEN + "\""),
					not(containsString("http-equiv=\"refresh\"")), not(containsString("Book this time")))));
	}

	@Test
	void saysPolitelyThatTheHoldRanOutAndTheyAreStillOnTheWaitlist() throws Exception {
		offered(RequestStatus.State.OFFER_EXPIRED, Language.EN);

		this.mvc.perform(get(PAGE))
			.andExpect(content().string(allOf(containsString("The hold has run out"),
					containsString("You are still on the waitlist"), not(containsString("Book this time")))));
	}

	@Test
	void saysTheHoldRanOutOnceItsTimeHasPassedEvenBeforeTheDeciderClosedIt() throws Exception {
		offered(RequestStatus.State.OFFERED, Language.EN, Offers.NOW.minus(Duration.ofMinutes(20)));

		this.mvc.perform(get(PAGE))
			.andExpect(content().string(allOf(containsString("data-state=\"OFFER_EXPIRED\""),
					containsString("You are still on the waitlist"), not(containsString("Book this time")))));
		this.mvc.perform(post(PAGE + "/claim")).andExpect(redirectedUrl(PAGE));
		verify(this.intake, never()).claim(any());
	}

	@Test
	void saysPolitelyThatTheTimeWentToSomeoneElse() throws Exception {
		offered(RequestStatus.State.OFFER_LOST, Language.EN);

		this.mvc.perform(get(PAGE))
			.andExpect(content().string(allOf(containsString("This time has gone"),
					containsString("gone to someone else"), containsString("You are still on the waitlist"))));
	}

	@Test
	void answersALinkThatOpensNothingAsTheManagePageDoesAndClaimsNothing() throws Exception {
		given(this.access.offer(TOKEN, false)).willReturn(Optional.empty());

		this.mvc.perform(get(PAGE))
			.andExpect(status().isNotFound())
			.andExpect(content().string(containsString("This link no longer opens an appointment")));
		this.mvc.perform(post(PAGE + "/claim")).andExpect(status().isNotFound());
		verify(this.intake, never()).claim(any());
	}

	private WaitlistOffer offered(RequestStatus.State state, Language language) {
		return offered(state, language, Offers.NOW.minus(Duration.ofMinutes(5)));
	}

	private WaitlistOffer offered(RequestStatus.State state, Language language, Instant offeredAt) {
		WaitlistOffer offer = Offers.seen(Offers.record(AppointmentId.random(), state, offeredAt, language),
				offeredAt.plus(Duration.ofMinutes(15)));
		given(this.access.offer(TOKEN, false)).willReturn(Optional.of(offer));
		return offer;
	}

	/** The intake's templates and words, as Boot configures them. */
	private static ThymeleafViewResolver views() {
		ClassLoaderTemplateResolver templates = new ClassLoaderTemplateResolver();
		templates.setPrefix("templates/");
		templates.setSuffix(".html");
		templates.setCharacterEncoding(StandardCharsets.UTF_8.name());
		ResourceBundleMessageSource words = new ResourceBundleMessageSource();
		words.setBasename("messages");
		words.setDefaultEncoding(StandardCharsets.UTF_8.name());
		words.setFallbackToSystemLocale(false);
		SpringTemplateEngine engine = new SpringTemplateEngine();
		engine.setTemplateResolver(templates);
		engine.setTemplateEngineMessageSource(words);
		ThymeleafViewResolver views = new ThymeleafViewResolver();
		views.setTemplateEngine(engine);
		views.setCharacterEncoding(StandardCharsets.UTF_8.name());
		return views;
	}

}
