package com.geminihealth.notifications.sms;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import com.geminihealth.notifications.MessageProperties;
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

/**
 * The texts about appointments: one per message type and language, one GSM-7 segment, and
 * no health detail, only the clinic, the time, the place and the practitioner's first
 * name. They never ask for CANCEL, an opt-out word: C confirms, changes go by phone.
 */
@Component
class SmsMessages {

	static final Map<Language, Map<String, String>> TEMPLATES = Map.of(Language.EN, Map.of("appointment-confirmed",
			"%s: booked with %s, %s, %s. Reply C to confirm. To change call %s. STOP to opt out",
			"appointment-rescheduled", "%s: visit with %s moved to %s, %s. To change call %s. STOP to opt out",
			"appointment-cancelled", "%s: visit with %s on %s at %s is cancelled. Questions? Call %s",
			"appointment-reminder",
			"%s: reminder, visit with %s %s, %s. Reply C to confirm. To change call %s. STOP to opt out",
			"follow-up-nudge", "%1$s: time to book your follow-up with %2$s in %4$s? Call %5$s. STOP to opt out"),
			Language.FR,
			Map.of("appointment-confirmed",
					"%s : RV avec %s le %s à %s. Répondez C pour confirmer. Changer : %s. ARRET pour vous désabonner",
					"appointment-rescheduled",
					"%s : RV avec %s déplacé au %s à %s. Changer : %s. ARRET pour vous désabonner",
					"appointment-cancelled", "%s : RV avec %s le %s à %s annulé. Questions : %s",
					"appointment-reminder",
					"%s : rappel, RV avec %s le %s à %s. Répondez C pour confirmer. Changer : %s. ARRET = désabonner",
					"follow-up-nudge",
					"%1$s : votre suivi avec %2$s à %4$s ? Appelez le %5$s. ARRET pour vous désabonner"));

	/**
	 * Short forms for texts, with explicit locales: {@code Mon Dec 7, 10:00 AM},
	 * {@code 7/12 à 10h00}.
	 */
	static final Map<Language, DateTimeFormatter> WHEN = Map.of(Language.EN,
			DateTimeFormatter.ofPattern("EEE MMM d, h:mm a", Locale.ENGLISH), Language.FR,
			DateTimeFormatter.ofPattern("d/MM 'à' H'h'mm", Locale.FRENCH));

	private final MessageProperties properties;

	SmsMessages(MessageProperties properties) {
		this.properties = properties;
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
	 * The text this notice sends: an SMS reminder, or the follow-up nudge for a patient
	 * who consented to it.
	 */
	Optional<Sms> compose(DueNotice notice) {
		if (notice instanceof ReminderDue reminder && reminder.channel() == Channel.SMS) {
			return text("appointment-reminder", reminder.appointment());
		}
		if (notice instanceof FollowUpDue followUp && followUp.nudge()) {
			return text("follow-up-nudge", followUp.appointment());
		}
		return Optional.empty();
	}

	private Optional<Sms> text(String purpose, Appointment appointment) {
		String phone = appointment.patient().mobilePhone();
		if (phone == null) {
			return Optional.empty();
		}
		Language language = appointment.patient().language();
		String body = render(language, purpose, firstName(appointment.practitionerName()), appointment.start(),
				appointment.zone(), this.properties.location(appointment.location().value()).shortName());
		return Optional.of(new Sms(purpose, phone, body, appointment.patient().consent().sms(), appointment.zone()));
	}

	String render(Language language, String purpose, String practitioner, Instant start, ZoneId zone, String place) {
		return TEMPLATES.get(language)
			.get(purpose)
			.formatted(this.properties.clinicName(), practitioner, WHEN.get(language).format(start.atZone(zone)), place,
					this.properties.clinicPhone());
	}

	private static String firstName(String name) {
		return name.strip().split("\\s+")[0];
	}

}
