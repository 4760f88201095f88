package com.geminihealth.notifications.email;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.geminihealth.notifications.FeedbackQuestion;
import com.geminihealth.notifications.ManageLinkProperties;
import com.geminihealth.notifications.ManageLinks;
import com.geminihealth.notifications.MessageProperties;
import com.geminihealth.notifications.PatientWords;
import com.geminihealth.schemas.Examples;
import com.geminihealth.schemas.appointment.Appointment;
import com.geminihealth.schemas.appointment.AppointmentConfirmed;
import com.geminihealth.schemas.booking.Language;
import com.geminihealth.schemas.booking.LocationId;
import com.geminihealth.schemas.booking.Patient;
import com.geminihealth.schemas.inquiry.ContactInquiryReceived;
import com.geminihealth.schemas.inquiry.InquiryId;
import com.geminihealth.schemas.reminder.Channel;
import com.geminihealth.schemas.reminder.ReminderDue;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A patient who chose French reads French: the subject from the bundle, the text from the
 * French template, the time as French writes it.
 */
class FrenchPatientEmailsTest {

	static final MessageProperties PROPERTIES = new MessageProperties("appointments@geminihealth.example",
			"Gemini Health Group", "+1 289-234-8001", "http://localhost:8080/book", "http://localhost:8080/m/",
			"http://localhost:8080/waitlist/offers/", "http://localhost:8080/feedback/", Map.of("burlington",
					new MessageProperties.Location("Gemini Health Burlington", "1450 Brant Street", "Burlington")));

	final EmailTemplates templates = new EmailTemplates(PROPERTIES);

	final PatientWords words = new PatientWords();

	@Test
	void acknowledgesAFrenchInquiryInFrench() {
		ContactInquiryReceived inquiry = new ContactInquiryReceived(InquiryId.random(), null, "Élodie Tremblay",
				"elodie@example.com", null, Language.FR, "Bonjour", Instant.now());

		Email email = new InquiryEmails(this.templates, this.words).acknowledgement(inquiry);

		assertThat(email.subject()).isEqualTo("Nous avons bien reçu votre message");
		assertThat(email.text()).startsWith("Bonjour Élodie,").contains("Nous avons bien reçu votre message");
	}

	@Test
	void remindsAFrenchPatientInFrenchAndAnEnglishOneInEnglish() {
		Appointment example = Examples.of(AppointmentConfirmed.class).appointment();
		Instant tenAmInToronto = Instant.parse("2026-12-07T15:00:00Z");
		DueNoticeEmails emails = new DueNoticeEmails(this.templates, PROPERTIES,
				new ManageLinks(new ManageLinkProperties("tests-only-manage-links-secret-0123456789"), PROPERTIES),
				this.words, new FeedbackQuestion(Clock.systemUTC()));

		Email french = emails.compose(reminder(example, tenAmInToronto, Language.FR)).orElseThrow();
		Email english = emails.compose(reminder(example, tenAmInToronto, Language.EN)).orElseThrow();

		assertThat(french.subject()).isEqualTo("Rappel : votre rendez-vous approche");
		assertThat(french.text()).contains("le lundi 7 décembre 2026 à 10 h 00.");
		assertThat(english.subject()).isEqualTo("Reminder: your appointment is coming up");
		assertThat(english.text()).contains("Monday, December 7, 2026 at 10:00 a.m.");
	}

	private static ReminderDue reminder(Appointment example, Instant start, Language language) {
		Patient patient = new Patient("Élodie Tremblay", "elodie@example.com", null, language,
				example.patient().consent());
		Appointment appointment = new Appointment(example.appointmentId(), new LocationId("burlington"),
				example.service(), example.practitioner(), "Maya Chen", start, start.plusSeconds(3600),
				ZoneId.of("America/Toronto"), patient, null, 0);
		return new ReminderDue(appointment, "24h", Channel.EMAIL, start.minusSeconds(86400), Instant.now());
	}

}
