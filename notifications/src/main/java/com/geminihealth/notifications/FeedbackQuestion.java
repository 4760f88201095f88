package com.geminihealth.notifications;

import java.time.Clock;
import java.time.Instant;

import org.springframework.stereotype.Component;

import com.geminihealth.schemas.appointment.Appointment;
import com.geminihealth.schemas.booking.Patient;
import com.geminihealth.schemas.feedback.SessionFeedback;
import com.geminihealth.schemas.reminder.ThankYouDue;

/**
 * Whether and how the one question after a session ("How was your session?") is asked:
 * only of a patient who agreed to it when booking, once, by a text of its own when they
 * can be texted (a mobile phone and SMS consent) and otherwise in the thank-you email.
 * The text and the email listeners read the session's end apart, on consumer groups of
 * their own; each decides from the notice alone, never from what the other did, so they
 * never both ask, and a redelivered notice asks the same way again (the ledger then keeps
 * it from going twice).
 * <p>
 * Answers are taken for {@link SessionFeedback#ANSWER_WITHIN} after the session's end; a
 * notice handled later than that (the service was down for days) asks nothing: a score
 * texted back then would no longer be matched to the session.
 */
@Component
public class FeedbackQuestion {

	private final Clock clock;

	public FeedbackQuestion(Clock clock) {
		this.clock = clock;
	}

	/** Whether the question about the session that {@code thankYou} ends is texted. */
	public boolean byText(ThankYouDue thankYou) {
		return asked(thankYou) && textable(thankYou.appointment().patient());
	}

	/** Whether the thank-you email for {@code thankYou} asks the question. */
	public boolean inEmail(ThankYouDue thankYou) {
		return asked(thankYou) && !textable(thankYou.appointment().patient());
	}

	/**
	 * When answers about {@code session} stop being taken: asking after that is of no
	 * use.
	 */
	public static Instant answersCloseAt(Appointment session) {
		return session.end().plus(SessionFeedback.ANSWER_WITHIN);
	}

	private boolean asked(ThankYouDue thankYou) {
		Appointment session = thankYou.appointment();
		return Boolean.TRUE.equals(session.patient().consent().feedback())
				&& this.clock.instant().isBefore(answersCloseAt(session));
	}

	private static boolean textable(Patient patient) {
		String phone = patient.mobilePhone();
		return phone != null && !phone.isBlank() && patient.consent().sms();
	}

}
