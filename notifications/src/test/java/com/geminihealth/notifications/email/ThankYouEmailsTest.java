package com.geminihealth.notifications.email;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.geminihealth.notifications.FeedbackQuestion;
import com.geminihealth.notifications.ManageLinkProperties;
import com.geminihealth.notifications.ManageLinks;
import com.geminihealth.notifications.PatientWords;
import com.geminihealth.schemas.Examples;
import com.geminihealth.schemas.appointment.Appointment;
import com.geminihealth.schemas.booking.Consent;
import com.geminihealth.schemas.booking.Language;
import com.geminihealth.schemas.booking.LocationId;
import com.geminihealth.schemas.booking.Patient;
import com.geminihealth.schemas.link.ManageTokens;
import com.geminihealth.schemas.reminder.ThankYouDue;

import static com.geminihealth.notifications.email.FrenchPatientEmailsTest.PROPERTIES;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The thank-you after a session asks how it went, with a link to the feedback page, when
 * the patient agreed to be asked and cannot be texted the question; otherwise it does not
 * mention it.
 */
class ThankYouEmailsTest {

	static final String SECRET = "tests-only-manage-links-secret-0123456789";

	static final Instant SESSION_END = Instant.parse("2026-12-07T16:00:00Z");

	static final Pattern FEEDBACK_LINK = Pattern.compile("http://localhost:8080/feedback/([A-Za-z0-9_-]{44})");

	final DueNoticeEmails emails = new DueNoticeEmails(new EmailTemplates(PROPERTIES), PROPERTIES,
			new ManageLinks(new ManageLinkProperties(SECRET), PROPERTIES), new PatientWords(),
			new FeedbackQuestion(Clock.fixed(SESSION_END.plusSeconds(3600), ZoneId.of("UTC"))));

	@Test
	void asksAPatientWhoAgreedButCannotBeTextedHowTheSessionWent() {
		Appointment session = session(
				new Patient("Olivia Martin", "olivia@example.com", null, Language.EN, new Consent(false, false, true)));

		Email thanks = thankYou(session);

		assertThat(thanks.text()).contains("- Stretch twice a day.\n")
			.contains("How was your session? Tell us, from 1 (poor) to 5 (excellent), with a comment if you like:\n"
					+ "http://localhost:8080/feedback/");
		String token = feedbackToken(thanks.text());
		ManageTokens tokens = new ManageTokens(SECRET);
		assertThat(tokens.opensFeedback(token, session.appointmentId())).isTrue();
		assertThat(tokens.opens(token, session.appointmentId(), session.sequence())).isFalse();
		assertThat(thanks.html()).containsPattern(
				"<a href=\"http://localhost:8080/feedback/" + token + "\" style=\"[^\"]+\">Rate your session</a>");
	}

	@Test
	void asksAFrenchPatientInFrench() {
		Appointment session = session(new Patient("Élodie Tremblay", "elodie@example.com", "+15145550187", Language.FR,
				new Consent(false, false, true)));

		Email thanks = thankYou(session);

		assertThat(thanks.text()).contains("Comment s'est passée votre séance ? Dites-le-nous, de 1 (mauvaise) à 5"
				+ " (excellente), avec un commentaire si vous le souhaitez :\nhttp://localhost:8080/feedback/");
		assertThat(thanks.html()).contains(">Évaluer votre séance</a>");
	}

	@Test
	void leavesTheQuestionToTheTextOfAPatientWhoCanBeTexted() {
		Email thanks = thankYou(session(new Patient("Olivia Martin", "olivia@example.com", "+12892348123", Language.EN,
				new Consent(true, false, true))));

		assertNoQuestion(thanks);
	}

	@Test
	void asksNothingOfAPatientWhoDidNotAgreeToBeAsked() {
		Email thanks = thankYou(session(new Patient("Olivia Martin", "olivia@example.com", null, Language.EN,
				new Consent(false, true, false))));

		assertNoQuestion(thanks);
	}

	private Email thankYou(Appointment session) {
		return this.emails.compose(new ThankYouDue(session, "Stretch twice a day.", SESSION_END, SESSION_END))
			.orElseThrow();
	}

	private static void assertNoQuestion(Email thanks) {
		assertThat(thanks.text()).contains("- Stretch twice a day.")
			.doesNotContain("/feedback/")
			.doesNotContainIgnoringCase("how was your session");
		assertThat(thanks.html()).doesNotContain("/feedback/").doesNotContain("Rate your session");
	}

	private static Appointment session(Patient patient) {
		Appointment example = Examples.APPOINTMENT;
		return new Appointment(example.appointmentId(), new LocationId("burlington"), example.service(),
				example.practitioner(), "Maya Chen", SESSION_END.minusSeconds(3600), SESSION_END, example.zone(),
				patient, null, 0);
	}

	private static String feedbackToken(String text) {
		Matcher link = FEEDBACK_LINK.matcher(text);
		assertThat(link.find()).as("a feedback link in:%n%s", text).isTrue();
		return link.group(1);
	}

}
