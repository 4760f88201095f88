package com.geminihealth.notifications.sms;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.geminihealth.notifications.FeedbackQuestion;
import com.geminihealth.notifications.ManageLinkProperties;
import com.geminihealth.notifications.ManageLinks;
import com.geminihealth.notifications.MessageProperties;
import com.geminihealth.notifications.PatientWords;
import com.geminihealth.schemas.Examples;
import com.geminihealth.schemas.appointment.Appointment;
import com.geminihealth.schemas.appointment.AppointmentConfirmed;
import com.geminihealth.schemas.booking.Consent;
import com.geminihealth.schemas.booking.Language;
import com.geminihealth.schemas.booking.LocationId;
import com.geminihealth.schemas.booking.Patient;
import com.geminihealth.schemas.feedback.SessionFeedback;
import com.geminihealth.schemas.link.ManageTokens;
import com.geminihealth.schemas.reminder.ThankYouDue;

import static org.assertj.core.api.Assertions.assertThat;

class SmsMessagesTest {

	/** The GSM 03.38 basic character set: texts in it fit 160 characters a segment. */
	static final String GSM_7 = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
			+ "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

	static final String SECRET = "tests-only-manage-links-secret-0123456789";

	static final ZoneId TORONTO = ZoneId.of("America/Toronto");

	/** What a deployment's manage page might be called: longer than the local run's. */
	static final String DEPLOYED_PAGE = "https://rendezvous.geminihealthgroup.ca/m/";

	static final String TOKEN = new ManageTokens(SECRET).issue(Examples.of(AppointmentConfirmed.class).appointmentId(),
			0);

	static final Set<String> LINKED = Set.of("appointment-confirmed", "appointment-rescheduled", "appointment-reminder",
			SmsMessages.FEEDBACK_QUESTION);

	/** Two segments: a reminder and the question after a session need their words. */
	static final Set<String> TWO_SEGMENTS = Set.of("appointment-reminder", SmsMessages.FEEDBACK_QUESTION);

	/** The hour the sessions of these tests end at. */
	static final Instant SESSION_END = Instant.parse("2026-12-07T16:00:00Z");

	/** Texts written an hour after the sessions of these tests end. */
	final SmsMessages messages = messages(SESSION_END.plusSeconds(3600));

	@Test
	void fitsOneSegmentWithAShortNameAndPlace() {
		Instant tenAm = Instant.parse("2026-12-07T15:00:00Z");
		for (Language language : Language.values()) {
			for (String purpose : SmsMessages.PURPOSES) {
				String link = "http://localhost:8080/m/" + TOKEN;
				String text = this.messages.render(language, purpose, "Maya", tenAm, TORONTO, "Burlington", link);
				// A reminder's required words, "Reply C to confirm" among them, and a
				// link take more than 160 characters; so do the question's, with the
				// scores it offers.
				int fits = TWO_SEGMENTS.contains(purpose) ? 2 : 1;
				assertThat(segments(text)).as("%s %s: %s", language, purpose, text).isEqualTo(fits);
				if (LINKED.contains(purpose)) {
					assertThat(text).contains(" " + link);
				}
			}
		}
	}

	@Test
	void staysWithinTwoSegmentsWithTheLongestNamePlaceDateAndLink() {
		// The longest weekday and month abbreviations, a two-digit hour.
		Instant lateInSeptember = Instant.parse("2026-09-30T16:45:00Z");
		SmsMessages deployed = messages(DEPLOYED_PAGE);
		for (Language language : Language.values()) {
			for (String purpose : SmsMessages.PURPOSES) {
				String link = DEPLOYED_PAGE + TOKEN;
				String text = deployed.render(language, purpose, "Marie-Christine", lateInSeptember, TORONTO,
						"Saint-Jean-sur-Richelieu", link);
				assertThat(segments(text)).as("%s %s: %s", language, purpose, text).isLessThanOrEqualTo(2);
				if (LINKED.contains(purpose)) {
					assertThat(text).contains(" " + link);
				}
			}
		}
	}

	@Test
	void leavesOutTheLeastNeededWordsToFitOneSegmentAndKeepsThemWhenTwoAreNeeded() {
		Instant tenAm = Instant.parse("2026-12-07T15:00:00Z");
		String link = "http://localhost:8080/m/" + TOKEN;

		String short_ = this.messages.render(Language.EN, "appointment-confirmed", "Maya", tenAm, TORONTO, "Burlington",
				link);
		String long_ = messages(DEPLOYED_PAGE).render(Language.EN, "appointment-confirmed", "Marie-Christine", tenAm,
				TORONTO, "Saint-Jean-sur-Richelieu", DEPLOYED_PAGE + TOKEN);

		assertThat(short_)
			.isEqualTo("Gemini Health Group: booked with Maya, Mon Dec 7, 10:00 AM, Burlington. Change: " + link);
		assertThat(long_).contains(" Reply C to confirm. STOP to opt out. Change: " + DEPLOYED_PAGE + TOKEN)
			.endsWith(" or call +1 289-234-8001");
	}

	@Test
	void writesLettersOutsideGsm7WithoutTheirAccents() {
		String text = this.messages.render(Language.FR, "appointment-confirmed", "Jérôme",
				Instant.parse("2026-12-07T15:00:00Z"), TORONTO, "Côte-Saint-Luc", "http://localhost:8080/m/" + TOKEN);

		assertThat(text).contains("RV avec Jérome le 7/12 à 10h00 à Cote-Saint-Luc.");
		assertThat(segments(text)).isEqualTo(1);
		assertThat(this.messages.render(Language.FR, "appointment-cancelled", "François",
				Instant.parse("2026-12-07T15:00:00Z"), TORONTO, "Lévis", ""))
			.contains("RV avec Francois le 7/12 à 10h00 à Lévis annulé");
	}

	@Test
	void linksToTheAppointmentAsItStands() {
		Appointment example = Examples.of(AppointmentConfirmed.class).appointment();
		Appointment movedTwice = new Appointment(example.appointmentId(), example.location(), example.service(),
				example.practitioner(), "Maya Chen", example.start(), example.end(), TORONTO,
				new Patient("Olivia Martin", null, "+12892348123", Language.EN, new Consent(true, false, false)), null,
				2);

		Sms sms = this.messages.compose(new AppointmentConfirmed(null, movedTwice)).orElseThrow();

		Matcher link = Pattern.compile("http://localhost:8080/m/(\\S{44})").matcher(sms.body());
		assertThat(link.find()).as(sms.body()).isTrue();
		assertThat(new ManageTokens(SECRET).opens(link.group(1), movedTwice.appointmentId(), 2)).isTrue();
	}

	@Test
	void asksAPatientWhoAgreedHowTheirSessionWentInATextOfItsOwnLinkingToItsFeedbackPage() {
		Appointment session = session(new Patient("Olivia Martin", "olivia@example.com", "+12892348123", Language.EN,
				new Consent(true, false, true)));

		Sms sms = this.messages.compose(thankYou(session)).orElseThrow();

		assertThat(sms.purpose()).isEqualTo("feedback-question");
		assertThat(sms.to()).isEqualTo("+12892348123");
		assertThat(sms.body())
			.startsWith("Gemini Health Group: how was your session with Maya on Mon Dec 7, 10:00 AM?"
					+ " Reply 1 (poor) to 5 (excellent), or answer here: http://localhost:8080/feedback/")
			.endsWith(" (STOP to opt out)")
			.doesNotContainIgnoringCase("back pain");
		Matcher link = Pattern.compile("http://localhost:8080/feedback/(\\S{44})").matcher(sms.body());
		assertThat(link.find()).as(sms.body()).isTrue();
		ManageTokens tokens = new ManageTokens(SECRET);
		assertThat(tokens.opensFeedback(link.group(1), session.appointmentId())).isTrue();
		assertThat(tokens.opens(link.group(1), session.appointmentId(), session.sequence())).isFalse();
		// Of use until answers stop being taken: quiet hours hold it until morning.
		assertThat(sms.usefulUntil()).isEqualTo(SESSION_END.plus(SessionFeedback.ANSWER_WITHIN));
	}

	@Test
	void asksAFrenchPatientInFrench() {
		Appointment session = session(
				new Patient("Élodie Tremblay", null, "+12892348123", Language.FR, new Consent(true, false, true)));

		Sms sms = this.messages.compose(thankYou(session)).orElseThrow();

		assertThat(sms.body())
			.startsWith("Gemini Health Group : comment s'est passée votre séance avec Maya le 7/12"
					+ " à 10h00 ? Répondez de 1 (mauvaise) à 5 (excellente), ou donnez votre avis ici :"
					+ " http://localhost:8080/feedback/")
			.endsWith(" (ARRET pour vous désabonner)");
		assertThat(segments(sms.body())).isLessThanOrEqualTo(2);
	}

	@Test
	void textsNoQuestionToAPatientWhoDidNotAgreeToBeAskedOrToBeTexted() {
		List<Patient> notToBeTexted = List.of(
				new Patient("Olivia Martin", null, "+12892348123", Language.EN, new Consent(true, true, false)),
				new Patient("Olivia Martin", "olivia@example.com", "+12892348123", Language.EN,
						new Consent(false, false, true)),
				new Patient("Olivia Martin", "olivia@example.com", null, Language.EN, new Consent(true, false, true)));

		for (Patient patient : notToBeTexted) {
			assertThat(this.messages.compose(thankYou(session(patient)))).as(patient.consent().toString()).isEmpty();
		}
	}

	@Test
	void asksNothingOnceAnswersAboutTheSessionAreNoLongerTaken() {
		Appointment session = session(
				new Patient("Olivia Martin", null, "+12892348123", Language.EN, new Consent(true, false, true)));
		Instant answersClose = SESSION_END.plus(SessionFeedback.ANSWER_WITHIN);

		assertThat(messages(answersClose.minusSeconds(60)).compose(thankYou(session))).isPresent();
		assertThat(messages(answersClose).compose(thankYou(session))).isEmpty();
	}

	/** A session at 10:00 in Toronto, with health detail in its notes. */
	private static Appointment session(Patient patient) {
		Appointment example = Examples.of(AppointmentConfirmed.class).appointment();
		return new Appointment(example.appointmentId(), new LocationId("burlington"), example.service(),
				example.practitioner(), "Maya Chen", SESSION_END.minusSeconds(3600), SESSION_END, TORONTO, patient,
				"Lower back pain since the fall", 0);
	}

	private static ThankYouDue thankYou(Appointment session) {
		return new ThankYouDue(session, "Stretch twice a day.", session.end(), session.end());
	}

	@Test
	void neverAsksForCancelWhichIsAnOptOutWord() {
		PatientWords words = new PatientWords();
		for (Language language : Language.values()) {
			for (String purpose : SmsMessages.PURPOSES) {
				assertThat(words.smsTemplate(purpose, language)).doesNotContainIgnoringCase("reply cancel")
					.doesNotContainIgnoringCase("répondez annul");
			}
		}
	}

	@Test
	void rendersLocalTimeWithAnExplicitLocale() {
		Instant tenAmInToronto = Instant.parse("2026-12-07T15:00:00Z");

		assertThat(this.messages.render(Language.EN, "appointment-confirmed", "Maya", tenAmInToronto, TORONTO,
				"Burlington", ""))
			.contains("Mon Dec 7, 10:00 AM");
		assertThat(this.messages.render(Language.FR, "appointment-confirmed", "Maya", tenAmInToronto, TORONTO,
				"Burlington", ""))
			.contains("7/12 à 10h00");
	}

	static SmsMessages messages(String manageUrl) {
		return messages(manageUrl, Clock.systemUTC());
	}

	static SmsMessages messages(Instant now) {
		return messages("http://localhost:8080/m/", Clock.fixed(now, TORONTO));
	}

	static SmsMessages messages(String manageUrl, Clock clock) {
		MessageProperties properties = properties(manageUrl, "http://localhost:8080/waitlist/offers/");
		return new SmsMessages(properties, new ManageLinks(new ManageLinkProperties(SECRET), properties),
				new PatientWords(), new FeedbackQuestion(clock));
	}

	static MessageProperties properties(String manageUrl, String offerUrl) {
		return new MessageProperties("appointments@geminihealth.example", "Gemini Health Group", "+1 289-234-8001",
				"http://localhost:8080/book", manageUrl, offerUrl, "http://localhost:8080/feedback/",
				Map.of("burlington",
						new MessageProperties.Location("Gemini Health Burlington", "1450 Brant Street", "Burlington")));
	}

	/**
	 * Segments a text takes as GSM-7 (160, or 153 when split), or as UCS-2 (70, or 67).
	 */
	static int segments(String text) {
		boolean gsm = text.chars().allMatch((c) -> GSM_7.indexOf(c) >= 0);
		int length = text.length();
		if (gsm) {
			return (length <= 160) ? 1 : (int) Math.ceil(length / 153.0);
		}
		return (length <= 70) ? 1 : (int) Math.ceil(length / 67.0);
	}

}
