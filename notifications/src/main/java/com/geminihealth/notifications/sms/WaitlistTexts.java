package com.geminihealth.notifications.sms;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

import org.springframework.stereotype.Component;

import com.geminihealth.notifications.ManageLinks;
import com.geminihealth.notifications.MessageProperties;
import com.geminihealth.notifications.PatientWords;
import com.geminihealth.platform.clinic.ClinicProperties;
import com.geminihealth.schemas.appointment.Slot;
import com.geminihealth.schemas.booking.Language;
import com.geminihealth.schemas.booking.Patient;
import com.geminihealth.schemas.waitlist.WaitlistOffered;

/**
 * The text offering a freed time to the patient first on its waitlist, from
 * {@link PatientWords}' bundle ({@code sms.text.waitlist-offered}), held to what the
 * appointment texts say ({@link SmsMessages}): the clinic, the time, the place and the
 * practitioner's first name, never the service or other health detail, in GSM-7 and at
 * most two segments; with until when the time is held ({@code %7$s}) and the link that
 * claims it ({@code %6$s}). It never asks for CANCEL, an opt-out word. It is of no use
 * once the offer expires, so quiet hours that last past then skip it.
 */
@Component
class WaitlistTexts {

	/** The purpose of an offer's text, part of its notification id. */
	static final String OFFERED = "waitlist-offered";

	private final MessageProperties properties;

	private final ClinicProperties clinic;

	private final ManageLinks links;

	private final PatientWords words;

	WaitlistTexts(MessageProperties properties, ClinicProperties clinic, ManageLinks links, PatientWords words) {
		this.properties = properties;
		this.clinic = clinic;
		this.links = links;
		this.words = words;
	}

	/** The text offering the time, for a patient with a mobile number. */
	Optional<Sms> compose(WaitlistOffered offered) {
		Patient patient = offered.patient();
		if (patient.mobilePhone() == null) {
			return Optional.empty();
		}
		String body = render(patient.language(), practitioner(offered.slot()), offered.slot().start(), offered.zone(),
				this.properties.location(offered.location().value()).shortName(), this.links.claim(offered.offer()),
				offered.offeredAt(), offered.expiresAt());
		return Optional.of(new Sms(OFFERED, patient.mobilePhone(), body, patient.consent().sms(), offered.zone(),
				offered.location().value(), offered.expiresAt()));
	}

	String render(Language language, String practitioner, Instant start, ZoneId zone, String place, String claimLink,
			Instant offeredAt, Instant expiresAt) {
		return new SmsTemplate(this.words.smsTemplate(OFFERED, language)).fill(this.properties.clinicName(),
				practitioner, this.words.smsWhen(start, zone, language), place, this.properties.clinicPhone(),
				claimLink, until(expiresAt, offeredAt, zone, language));
	}

	/**
	 * Until when the time is held: the time of day alone when that is the day the offer
	 * was made, as it nearly always is.
	 */
	private String until(Instant expiresAt, Instant offeredAt, ZoneId zone, Language language) {
		boolean sameDay = expiresAt.atZone(zone).toLocalDate().equals(offeredAt.atZone(zone).toLocalDate());
		return sameDay ? this.words.smsTime(expiresAt, zone, language) : this.words.smsWhen(expiresAt, zone, language);
	}

	private String practitioner(Slot slot) {
		String name = (slot.practitionerName() != null) ? slot.practitionerName()
				: this.clinic.practitionerName(slot.practitioner().value());
		return name.strip().split("\\s+")[0];
	}

}
