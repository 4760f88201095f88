package com.geminihealth.notifications;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.geminihealth.schemas.Examples;
import com.geminihealth.schemas.appointment.Appointment;
import com.geminihealth.schemas.booking.Consent;
import com.geminihealth.schemas.booking.Language;
import com.geminihealth.schemas.booking.Patient;
import com.geminihealth.schemas.feedback.SessionFeedback;
import com.geminihealth.schemas.reminder.ThankYouDue;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The question after a session is asked once, by one channel, of a patient who agreed to
 * it, and of no one else: whatever contacts and consents they gave.
 */
class FeedbackQuestionTest {

	static final Instant SESSION_END = Examples.APPOINTMENT.end();

	final FeedbackQuestion question = new FeedbackQuestion(Clock.fixed(SESSION_END, ZoneId.of("UTC")));

	@Test
	void asksByTextOrInTheEmailNeverBothAndOnlyWithConsent() {
		for (Patient patient : everyPatient()) {
			ThankYouDue thankYou = thankYou(patient, SESSION_END);
			boolean byText = this.question.byText(thankYou);
			boolean inEmail = this.question.inEmail(thankYou);
			boolean textable = patient.mobilePhone() != null && patient.consent().sms();

			assertThat(byText).as("texted %s", patient).isEqualTo(patient.consent().feedback() && textable);
			assertThat(inEmail).as("in the email of %s", patient).isEqualTo(patient.consent().feedback() && !textable);
		}
	}

	@Test
	void asksNothingOnceAnswersAreNoLongerTaken() {
		Instant answersClose = SESSION_END.plus(SessionFeedback.ANSWER_WITHIN);
		FeedbackQuestion late = new FeedbackQuestion(Clock.fixed(answersClose, ZoneId.of("UTC")));

		for (Patient patient : everyPatient()) {
			ThankYouDue thankYou = thankYou(patient, SESSION_END);
			assertThat(late.byText(thankYou) || late.inEmail(thankYou)).as("%s", patient).isFalse();
		}
		assertThat(FeedbackQuestion.answersCloseAt(Examples.APPOINTMENT)).isEqualTo(answersClose);
	}

	/** Every mix of phone, email and the three consents a booking can give. */
	private static List<Patient> everyPatient() {
		List<Patient> patients = new ArrayList<>();
		for (String phone : new String[] { null, "+12892348123" }) {
			for (String email : new String[] { null, "olivia@example.com" }) {
				if (phone == null && email == null) {
					continue;
				}
				for (int consents = 0; consents < 8; consents++) {
					Consent consent = new Consent((consents & 1) != 0, (consents & 2) != 0, (consents & 4) != 0);
					patients.add(new Patient("Olivia Martin", email, phone, Language.EN, consent));
				}
			}
		}
		return patients;
	}

	private static ThankYouDue thankYou(Patient patient, Instant at) {
		Appointment example = Examples.APPOINTMENT;
		Appointment session = new Appointment(example.appointmentId(), example.location(), example.service(),
				example.practitioner(), example.practitionerName(), example.start(), example.end(), example.zone(),
				patient, null, 0);
		return new ThankYouDue(session, null, at, at);
	}

}
