package com.geminihealth.notifications.email;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import com.geminihealth.notifications.FeedbackQuestion;
import com.geminihealth.notifications.ManageLinkProperties;
import com.geminihealth.notifications.ManageLinks;
import com.geminihealth.notifications.PatientWords;
import com.geminihealth.schemas.Examples;
import com.geminihealth.schemas.booking.Author;
import com.geminihealth.schemas.booking.Language;
import com.geminihealth.schemas.booking.Patient;
import com.geminihealth.schemas.appointment.Appointment;
import com.geminihealth.schemas.plan.PlanStep;
import com.geminihealth.schemas.plan.TreatmentPlan;
import com.geminihealth.schemas.reminder.FollowUpDue;
import com.geminihealth.schemas.reminder.ThankYouDue;

import static com.geminihealth.notifications.email.FrenchPatientEmailsTest.PROPERTIES;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a treatment plan emails: a summary with its home-care advice when it is recorded
 * or adjusted, nothing when it ends or the patient has no address; and the thank-you that
 * carries the session's home-care notes.
 */
class TreatmentPlanEmailsTest {

	final EmailTemplates templates = new EmailTemplates(PROPERTIES);

	final TreatmentPlanEmails emails = new TreatmentPlanEmails(this.templates, new PatientWords());

	final TreatmentPlan plan = Examples.of(TreatmentPlan.class);

	@Test
	void summarisesAnAdjustedPlanInFrenchWithItsAdvice() {
		Email email = this.emails.compose(this.plan).orElseThrow();

		assertThat(email.purpose()).isEqualTo("treatment-plan");
		assertThat(email.promotional()).isFalse();
		assertThat(email.subject()).isEqualTo("Votre plan de traitement a été modifié");
		assertThat(email.text()).startsWith("Bonjour Élodie,")
			.contains("Sophie Gagnon a modifié votre plan de traitement")
			.contains("Séances : 6, une tous les 10 jours.")
			.contains("le jeudi 14 janvier 2027")
			.contains("- Pendule 2 x 10 le matin et le soir ; glace 15 minutes après l'effort.");
		assertThat(email.html())
			.contains("<li>Pendule 2 x 10 le matin et le soir ; glace 15 minutes après l&#39;effort.</li>");
	}

	@Test
	void sendsNothingWhenThePlanEndsOrThePatientHasNoAddress() {
		TreatmentPlan ended = this.plan.ended(Author.frontDesk("sophie"), Instant.now());
		Patient textOnly = new Patient("Élodie Tremblay", null, "+15145550187", this.plan.patient().language(),
				this.plan.patient().consent());
		TreatmentPlan noAddress = TreatmentPlan.recorded(this.plan.planId(), textOnly, this.plan.location(),
				this.plan.practitioner(), this.plan.practitionerName(), this.plan.assessment(), this.plan.terms(),
				Author.frontDesk("sophie"), Instant.now());

		assertThat(this.emails.compose(ended)).isEmpty();
		assertThat(this.emails.compose(noAddress)).isEmpty();
	}

	@Test
	void thanksWithTheSessionsHomeCareNotesInThePatientsLanguage() {
		DueNoticeEmails dueNotices = new DueNoticeEmails(this.templates, PROPERTIES,
				new ManageLinks(new ManageLinkProperties("tests-only-manage-links-secret-0123456789"), PROPERTIES),
				new PatientWords(), new FeedbackQuestion(Clock.systemUTC()));
		ThankYouDue thanks = new ThankYouDue(Examples.FRENCH_APPOINTMENT, "Glace 15 minutes.\nPendule 2 x 10.",
				Instant.now(), Instant.now());

		Email email = dueNotices.compose(thanks).orElseThrow();

		assertThat(email.subject()).isEqualTo("Merci de votre visite");
		assertThat(email.text()).contains("Vos conseils de soins à domicile :")
			.contains("- Glace 15 minutes.")
			.contains("- Pendule 2 x 10.");
	}

	@Test
	void nudgesToBookThePlansNextSessionAsThePlansService() {
		DueNoticeEmails dueNotices = new DueNoticeEmails(this.templates, PROPERTIES,
				new ManageLinks(new ManageLinkProperties("tests-only-manage-links-secret-0123456789"), PROPERTIES),
				new PatientWords(), new FeedbackQuestion(Clock.systemUTC()));
		Appointment session = Examples.APPOINTMENT;
		PlanStep third = new PlanStep(this.plan.planId(), Examples.PHYSIO_FOLLOW_UP_30, 3, 6,
				LocalDate.parse("2027-01-14"));

		Email nudge = dueNotices.compose(new FollowUpDue(session, true, Instant.now(), Instant.now(), third))
			.orElseThrow();

		assertThat(nudge.promotional()).isTrue();
		assertThat(nudge.text())
			.contains("It is time to book session 3 of 6 of the treatment plan Maya Chen made for you.")
			.contains("service=physio-follow-up-30")
			.doesNotContain("service=" + session.service().value());
	}

	@Test
	void saysTheReviewDateAsEnglishWritesIt() {
		assertThat(new PatientWords().emailDate(LocalDate.parse("2027-01-14"), Language.EN))
			.isEqualTo("Thursday, January 14, 2027");
	}

}
