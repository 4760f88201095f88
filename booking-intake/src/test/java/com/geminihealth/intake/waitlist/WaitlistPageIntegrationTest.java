package com.geminihealth.intake.waitlist;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.geminihealth.intake.IntakeIntegrationTest;
import com.geminihealth.intake.KafkaTopics;
import com.geminihealth.intake.challenge.ProofOfWork;
import com.geminihealth.intake.challenge.Solved;
import com.geminihealth.intake.web.ClientAddresses;
import com.geminihealth.schemas.Topics;
import com.geminihealth.schemas.booking.Author;
import com.geminihealth.schemas.booking.BookingCommand;
import com.geminihealth.schemas.booking.Consent;
import com.geminihealth.schemas.booking.JoinWaitlist;
import com.geminihealth.schemas.booking.Language;
import com.geminihealth.schemas.booking.LocationId;
import com.geminihealth.schemas.booking.PractitionerId;
import com.geminihealth.schemas.booking.ServiceId;
import com.geminihealth.schemas.waitlist.WaitlistWindow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A patient joins the waitlist through its form, which is protected and checked as the
 * booking form is, and the decider gets a {@link JoinWaitlist} on the booking stream.
 */
@IntakeIntegrationTest
class WaitlistPageIntegrationTest {

	private static final LocalDate TODAY = LocalDate.now(ZoneId.of("America/Toronto"));

	@Autowired
	MockMvc mvc;

	@Autowired
	KafkaTopics kafka;

	@Autowired
	ProofOfWork proofOfWork;

	@Test
	void fillsInWhatTheLinkNamesAndOffersTheNextTwoWeeks() throws Exception {
		String page = this.mvc
			.perform(get("/waitlist").param("location", "burlington")
				.param("service", "rmt-swedish-60")
				.param("practitioner", "maya-chen"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(page).contains("<h1>Join the waitlist</h1>")
			.contains("value=\"burlington\" selected=\"selected\"")
			.contains("value=\"rmt-swedish-60\" selected=\"selected\"")
			.contains("value=\"maya-chen\" selected=\"selected\"")
			.contains("name=\"firstDay\" value=\"" + TODAY + "\"")
			.contains("name=\"lastDay\" value=\"" + TODAY.plusDays(14) + "\"")
			.contains("name=\"_csrf\"")
			.contains("name=\"challenge\"")
			.contains("name=\"website\"")
			.contains("name=\"submission\"");
		for (String field : new String[] { "location", "service", "practitioner", "firstDay", "lastDay", "earliest",
				"latest", "patientName", "email", "mobilePhone", "smsConsent", "followUpConsent", "feedbackConsent" }) {
			assertThat(page).contains("<label for=\"" + field + "\"").contains("id=\"" + field + "\"");
		}
	}

	@Test
	void fillsInNothingTheClinicDoesNotHave() throws Exception {
		this.mvc.perform(get("/waitlist").param("location", "<script>").param("practitioner", "anyone"))
			.andExpect(status().isOk())
			.andExpect(content()
				.string(allOf(not(containsString("selected=\"selected\"")), not(containsString("<script>")))));
	}

	@Test
	void putsThePatientOnTheWaitlistAsTheyAskedAndSaysSo() throws Exception {
		String name = "Waiting " + UUID.randomUUID();

		this.mvc
			.perform(form(name).param("earliest", "09:00")
				.param("latest", "12:30")
				.param("smsConsent", "true")
				.param("feedbackConsent", "true")
				.with(set("language", "fr"))
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("You are on the waitlist"),
					containsString("Swedish massage, 60 min at Gemini Health Burlington"),
					containsString("With Maya Chen."), containsString("for 15 minutes"))));

		List<ConsumerRecord<LocationId, BookingCommand>> joined = joinsOf(name);
		assertThat(joined).singleElement().satisfies((record) -> {
			assertThat(record.key()).isEqualTo(new LocationId("burlington"));
			JoinWaitlist join = (JoinWaitlist) record.value();
			assertThat(join.entryId()).isNotNull();
			assertThat(join.location()).isEqualTo(new LocationId("burlington"));
			assertThat(join.service()).isEqualTo(new ServiceId("rmt-swedish-60"));
			assertThat(join.practitioner()).isEqualTo(new PractitionerId("maya-chen"));
			assertThat(join.window()).isEqualTo(new WaitlistWindow(TODAY.plusDays(1), TODAY.plusDays(10),
					LocalTime.of(9, 0), LocalTime.of(12, 30)));
			assertThat(join.patient().email()).isEqualTo("waiting@example.com");
			assertThat(join.patient().mobilePhone()).isEqualTo("+19055550143");
			assertThat(join.patient().language()).isEqualTo(Language.FR);
			assertThat(join.patient().consent()).isEqualTo(new Consent(true, false, true));
			assertThat(join.author()).isEqualTo(Author.PATIENT);
		});
	}

	@Test
	void waitsForAnyoneQualifiedWhenNoPractitionerIsChosen() throws Exception {
		String name = "Anyone " + UUID.randomUUID();

		this.mvc.perform(form(name).with(set("practitioner", "")).with(csrf())).andExpect(status().isOk());

		assertThat(joinsOf(name)).singleElement()
			.satisfies((record) -> assertThat(((JoinWaitlist) record.value()).practitioner()).isNull());
	}

	@Test
	void showsFieldErrorsBesideTheirFieldsAndPublishesNothing() throws Exception {
		String name = "Typo " + UUID.randomUUID();

		this.mvc
			.perform(form(name).with(set("firstDay", TODAY.minusDays(1).toString()))
				.with(set("lastDay", TODAY.plusDays(200).toString()))
				.param("earliest", "15:00")
				.param("latest", "10:00")
				.with(set("mobilePhone", "12"))
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Please correct the highlighted fields"),
					containsString("<p class=\"error\" id=\"firstDay-error\">must not be in the past</p>"),
					containsString(
							"<p class=\"error\" id=\"lastDay-error\">must be within 90 days from today: we take bookings that far ahead</p>"),
					containsString("<p class=\"error\" id=\"latest-error\">must not be before the earliest start</p>"),
					containsString("<p class=\"error\" id=\"mobilePhone-error\">is not a valid phone number</p>"),
					containsString("value=\"" + name + "\""))));
		this.mvc
			.perform(form(name).with(set("firstDay", TODAY.plusDays(5).toString()))
				.with(set("lastDay", TODAY.plusDays(2).toString()))
				.with(set("location", "atlantis"))
				.with(csrf()))
			.andExpect(content().string(allOf(
					containsString("<p class=\"error\" id=\"lastDay-error\">must not be before the first day</p>"),
					containsString("<p class=\"error\" id=\"location-error\">is not one of our locations</p>"))));
		this.mvc.perform(form(name).with(set("firstDay", "next Monday")).with(csrf()))
			.andExpect(content().string(allOf(containsString("id=\"firstDay-error\">is not a value we can read</p>"),
					containsString("value=\"" + name + "\""), containsString("value=\"next Monday\""))));

		assertThat(joinsOf(name)).isEmpty();
	}

	@Test
	void asksInFrenchAndAnswersInFrench() throws Exception {
		this.mvc.perform(get("/waitlist").header(HttpHeaders.ACCEPT_LANGUAGE, "fr-CA"))
			.andExpect(content().string(allOf(containsString("<h1>Liste d&#39;attente</h1>"),
					containsString("Commençant au plus tôt à (facultatif)"),
					containsString("<option value=\"rmt-swedish-60\">Massage suédois, 60 min</option>"),
					not(containsString("Swedish massage")), containsString("name=\"language\" value=\"fr\""))));

		this.mvc
			.perform(form("Attente " + UUID.randomUUID()).with(set("firstDay", TODAY.minusDays(3).toString()))
				.header(HttpHeaders.ACCEPT_LANGUAGE, "fr-CA")
				.with(csrf()))
			.andExpect(content().string(containsString("id=\"firstDay-error\">ne peut pas être dans le passé</p>")));
		this.mvc.perform(form("Attente " + UUID.randomUUID()).header(HttpHeaders.ACCEPT_LANGUAGE, "fr").with(csrf()))
			.andExpect(content().string(allOf(containsString("Vous êtes sur la liste d&#39;attente"),
					containsString("Massage suédois, 60 min à Gemini Health Burlington"))));
	}

	@Test
	void publishesNothingForABotWithoutCsrfChallengeOrWithTheHoneypotFilled() throws Exception {
		String name = "Bot " + UUID.randomUUID();

		this.mvc.perform(form(name)).andExpect(status().isForbidden());
		this.mvc.perform(form(name).param("website", "http://spam.example").with(csrf()))
			.andExpect(content().string(containsString("You are on the waitlist")));
		this.mvc
			.perform(post("/waitlist").with(ClientAddresses.fresh())
				.with(csrf())
				.param("patientName", name)
				.param("email", "bot@example.com")
				.param("location", "burlington")
				.param("service", "rmt-swedish-60")
				.param("firstDay", TODAY.plusDays(1).toString())
				.param("lastDay", TODAY.plusDays(2).toString()))
			.andExpect(content().string(containsString("We could not send this form")));

		assertThat(joinsOf(name)).isEmpty();
	}

	@Test
	void answersABurstOfFormsFromOneAddressWithAPageSayingToWait() throws Exception {
		var address = ClientAddresses.fresh();
		for (int i = 0; i < 5; i++) {
			this.mvc.perform(post("/waitlist").with(address).with(csrf()).param("patientName", ""))
				.andExpect(status().isOk());
		}
		this.mvc.perform(post("/waitlist").with(address).with(csrf()).param("patientName", ""))
			.andExpect(status().isTooManyRequests());
	}

	@Test
	void isOfferedBesideAWeekWithoutOpenTimes() {
		// Once the decider, which knows the open times, has started.
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> this.mvc
				.perform(get("/book").param("location", "burlington")
					.param("service", "rmt-swedish-60")
					.param("practitioner", "maya-chen")
					.param("week", TODAY.plusDays(200).toString()))
				.andExpect(content().string(containsString(
						"href=\"/waitlist?location=burlington&amp;service=rmt-swedish-60&amp;practitioner=maya-chen\""))));
	}

	@Test
	void answersAnOfferLinkThatOpensNothingAsTheManagePageDoes() throws Exception {
		String forged = "A".repeat(44);

		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> this.mvc.perform(get("/waitlist/offers/" + forged))
				.andExpect(status().isNotFound())
				.andExpect(content().string(containsString("This link no longer opens an appointment"))));
		this.mvc.perform(post("/waitlist/offers/" + forged + "/claim")).andExpect(status().isForbidden());
		this.mvc.perform(post("/waitlist/offers/" + forged + "/claim").with(csrf())).andExpect(status().isNotFound());
	}

	/** A valid form for {@code name}: Maya Chen, tomorrow to ten days from now. */
	private MockHttpServletRequestBuilder form(String name) {
		return post("/waitlist").with(ClientAddresses.fresh())
			.with(Solved.challenge(this.proofOfWork))
			.param("patientName", name)
			.param("email", "waiting@example.com")
			.param("mobilePhone", "905 555 0143")
			.param("language", "en")
			.param("location", "burlington")
			.param("service", "rmt-swedish-60")
			.param("practitioner", "maya-chen")
			.param("firstDay", TODAY.plusDays(1).toString())
			.param("lastDay", TODAY.plusDays(10).toString());
	}

	/** Sets {@code field} to {@code value} instead of what the form had. */
	private static RequestPostProcessor set(String field, String value) {
		return (request) -> {
			request.removeParameter(field);
			request.addParameter(field, value);
			return request;
		};
	}

	private List<ConsumerRecord<LocationId, BookingCommand>> joinsOf(String name) {
		return this.kafka.read(Topics.BOOKING_COMMANDS)
			.stream()
			.filter((record) -> record.value() instanceof JoinWaitlist join && join.patient().name().equals(name))
			.toList();
	}

}
