package com.geminihealth.notifications.sms;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import com.geminihealth.notifications.FeedbackQuestion;
import com.geminihealth.notifications.ManageLinks;
import com.geminihealth.notifications.MessageProperties;
import com.geminihealth.notifications.PatientWords;
import com.geminihealth.schemas.appointment.Appointment;
import com.geminihealth.schemas.appointment.AppointmentCancelled;
import com.geminihealth.schemas.appointment.AppointmentConfirmed;
import com.geminihealth.schemas.appointment.AppointmentEvent;
import com.geminihealth.schemas.appointment.AppointmentRescheduled;
import com.geminihealth.schemas.booking.Language;
import com.geminihealth.schemas.reminder.Channel;
import com.geminihealth.schemas.reminder.DueNotice;
import com.geminihealth.schemas.reminder.FollowUpDue;
import com.geminihealth.schemas.reminder.ReminderDue;
import com.geminihealth.schemas.reminder.ThankYouDue;

/**
 * The texts about appointments: one per message type and language, from
 * {@link PatientWords}' bundle, in GSM-7, one segment where the words allow and never
 * more than two, with no health detail, only the clinic, the time, the place and the
 * practitioner's first name. Those about an appointment that stands carry the link to
 * manage it. They never ask for CANCEL, an opt-out word: C confirms, changes go through
 * the link or by phone.
 * <p>
 * {@code %1$s} is the clinic, {@code %2$s} the practitioner, {@code %3$s} when,
 * {@code %4$s} where, {@code %5$s} the clinic's phone and {@code %6$s} the manage link,
 * or, in the question asked after a session ({@link FeedbackQuestion}), the link to its
 * feedback page. Words in square brackets are left out, the last first, when the text
 * would not fit one segment otherwise ({@link SmsTemplate}). A reminder keeps "Reply C":
 * confirming attendance is what it asks for; the question keeps "Reply 1 (poor) to 5
 * (excellent)", a score texted back being its other way to answer. The link ends the text
 * or is followed by a space, so no punctuation is taken for part of it.
 */
@Component
class SmsMessages {

	/** The purpose of the question asked after a session, part of its notification id. */
	static final String FEEDBACK_QUESTION = "feedback-question";

	/** Every text this class sends, by purpose: each has a template in the bundle. */
	static final List<String> PURPOSES = List.of("appointment-confirmed", "appointment-rescheduled",
			"appointment-cancelled", "appointment-reminder", "follow-up-nudge", FEEDBACK_QUESTION);

	private final MessageProperties properties;

	private final ManageLinks links;

	private final PatientWords words;

	private final FeedbackQuestion feedback;

	SmsMessages(MessageProperties properties, ManageLinks links, PatientWords words, FeedbackQuestion feedback) {
		this.properties = properties;
		this.links = links;
		this.words = words;
		this.feedback = feedback;
	}

	/** The text this decision sends, for a patient with a mobile number. */
	Optional<Sms> compose(AppointmentEvent event) {
		if (event instanceof AppointmentConfirmed confirmed) {
			return text("appointment-confirmed", confirmed.appointment());
		}
		if (event instanceof AppointmentRescheduled rescheduled) {
			return text("appointment-rescheduled", rescheduled.appointment());
		}
		if (event instanceof AppointmentCancelled cancelled) {
			return text("appointment-cancelled", cancelled.appointment());
		}
		return Optional.empty();
	}

	/**
	 * The text this notice sends: an SMS reminder, the follow-up nudge for a patient who
	 * consented to it, or, at a session's end, the question about it for a patient who
	 * agreed to be asked and can be texted.
	 */
	Optional<Sms> compose(DueNotice notice) {
		if (notice instanceof ReminderDue reminder && reminder.channel() == Channel.SMS) {
			return text("appointment-reminder", reminder.appointment());
		}
		if (notice instanceof FollowUpDue followUp && followUp.nudge()) {
			return text("follow-up-nudge", followUp.appointment());
		}
		if (notice instanceof ThankYouDue thankYou && this.feedback.byText(thankYou)) {
			Appointment session = thankYou.appointment();
			return text(FEEDBACK_QUESTION, session, this.links.feedback(session),
					FeedbackQuestion.answersCloseAt(session));
		}
		return Optional.empty();
	}

	private Optional<Sms> text(String purpose, Appointment appointment) {
		// A follow-up is about a visit already made: no start makes it useless.
		Instant usefulUntil = "follow-up-nudge".equals(purpose) ? null : appointment.start();
		return text(purpose, appointment, this.links.of(appointment), usefulUntil);
	}

	private Optional<Sms> text(String purpose, Appointment appointment, String link, Instant usefulUntil) {
		String phone = appointment.patient().mobilePhone();
		if (phone == null) {
			return Optional.empty();
		}
		Language language = appointment.patient().language();
		String body = render(language, purpose, firstName(appointment.practitionerName()), appointment.start(),
				appointment.zone(), this.properties.location(appointment.location().value()).shortName(), link);
		return Optional.of(new Sms(purpose, phone, body, appointment.patient().consent().sms(), appointment.zone(),
				appointment.location().value(), usefulUntil));
	}

	String render(Language language, String purpose, String practitioner, Instant start, ZoneId zone, String place,
			String link) {
		return new SmsTemplate(this.words.smsTemplate(purpose, language)).fill(this.properties.clinicName(),
				practitioner, this.words.smsWhen(start, zone, language), place, this.properties.clinicPhone(), link);
	}

	private static String firstName(String name) {
		return name.strip().split("\\s+")[0];
	}

}
