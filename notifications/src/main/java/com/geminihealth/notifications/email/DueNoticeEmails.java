package com.geminihealth.notifications.email;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

import com.geminihealth.notifications.FeedbackQuestion;
import com.geminihealth.notifications.ManageLinks;
import com.geminihealth.notifications.MessageProperties;
import com.geminihealth.notifications.PatientWords;
import com.geminihealth.schemas.appointment.Appointment;
import com.geminihealth.schemas.booking.Language;
import com.geminihealth.schemas.booking.Patient;
import com.geminihealth.schemas.booking.ServiceId;
import com.geminihealth.schemas.plan.PlanStep;
import com.geminihealth.schemas.reminder.Channel;
import com.geminihealth.schemas.reminder.DueNotice;
import com.geminihealth.schemas.reminder.FollowUpDue;
import com.geminihealth.schemas.reminder.ReminderDue;
import com.geminihealth.schemas.reminder.ThankYouDue;

/**
 * Turns what the reminders scheduler found due into patient emails: the reminder before a
 * visit, the thank-you with home-care advice after it, and, only for a patient who
 * consented, the nudge to book the recommended follow-up. The thank-you also asks how the
 * session was, with a link to the feedback page, when the patient agreed to be asked and
 * cannot be texted the question ({@link FeedbackQuestion}).
 */
@Component
class DueNoticeEmails {

	private final EmailTemplates templates;

	private final MessageProperties properties;

	private final ManageLinks links;

	private final PatientWords words;

	private final FeedbackQuestion feedback;

	DueNoticeEmails(EmailTemplates templates, MessageProperties properties, ManageLinks links, PatientWords words,
			FeedbackQuestion feedback) {
		this.templates = templates;
		this.properties = properties;
		this.links = links;
		this.words = words;
		this.feedback = feedback;
	}

	/** The email this notice sends, if it sends one (and the patient gave an address). */
	Optional<Email> compose(DueNotice notice) {
		Appointment appointment = notice.appointment();
		Patient patient = appointment.patient();
		if (!patient.emailable()) {
			return Optional.empty();
		}
		Language language = patient.language();
		if (notice instanceof ReminderDue reminder && reminder.channel() == Channel.EMAIL) {
			return Optional.of(this.templates.email("appointment-reminder", language, patient.email(),
					this.words.emailSubject("appointment-reminder", language), visit(appointment), null, null));
		}
		if (notice instanceof ThankYouDue thankYou) {
			Map<String, Object> variables = new HashMap<>(Map.of("firstName", patient.firstName(), "practitioner",
					appointment.practitionerName(), "advice", lines(thankYou.homeCareAdvice())));
			if (this.feedback.inEmail(thankYou)) {
				variables.put("feedbackLink", this.links.feedback(appointment));
			}
			return Optional.of(this.templates.email("thank-you", language, patient.email(),
					this.words.emailSubject("thank-you", language), variables, null, null));
		}
		if (notice instanceof FollowUpDue followUp && followUp.nudge()) {
			PlanStep step = followUp.plan();
			Map<String, Object> variables = new HashMap<>(
					Map.of("firstName", patient.firstName(), "practitioner", appointment.practitionerName(), "link",
							bookingLink(appointment, (step != null) ? step.service() : appointment.service())));
			// The plan's next session, booked as the plan's service: never another
			// assessment.
			variables.put("session", (step != null) ? step.session() : null);
			variables.put("sessions", (step != null) ? step.sessionsPlanned() : null);
			return Optional.of(this.templates.promotional("follow-up-nudge", language, patient.email(),
					this.words.emailSubject("follow-up-nudge", language), variables));
		}
		return Optional.empty();
	}

	private Map<String, Object> visit(Appointment appointment) {
		return Map.of("firstName", appointment.patient().firstName(), "practitioner", appointment.practitionerName(),
				"when", this.words.emailWhen(appointment.start(), appointment.zone(), appointment.patient().language()),
				"location", this.properties.location(appointment.location().value()), "manageLink",
				this.links.of(appointment));
	}

	private String bookingLink(Appointment appointment, ServiceId service) {
		return UriComponentsBuilder.fromUriString(this.properties.bookingUrl())
			.queryParam("location", appointment.location().value())
			.queryParam("service", service.value())
			.queryParam("practitioner", appointment.practitioner().value())
			.build()
			.toUriString();
	}

	private static List<String> lines(String advice) {
		return (advice == null) ? List.of()
				: advice.lines().map(String::strip).filter((line) -> !line.isEmpty()).toList();
	}

}
