package com.geminihealth.notifications.email;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import com.geminihealth.notifications.ManageLinks;
import com.geminihealth.notifications.MessageProperties;
import com.geminihealth.notifications.PatientWords;
import com.geminihealth.platform.clinic.ClinicProperties;
import com.geminihealth.schemas.appointment.Slot;
import com.geminihealth.schemas.booking.Language;
import com.geminihealth.schemas.booking.Patient;
import com.geminihealth.schemas.waitlist.WaitlistOfferClosed;
import com.geminihealth.schemas.waitlist.WaitlistOffered;

/**
 * The emails of the waitlist, in the patient's language: the offer of a freed time, with
 * the link that claims it and until when it is held, and the apology when the time was
 * taken before their claim. A claimed offer sends nothing here (its confirmation is the
 * appointment's), nor does an offer that expired. Transactional: the patient asked to be
 * told by joining the waitlist.
 */
@Component
class WaitlistEmails {

	/** The purpose of an offer's email, part of its notification id. */
	static final String OFFERED = "waitlist-offered";

	/** The purpose of the email saying an offer was lost, part of its notification id. */
	static final String LOST = "waitlist-offer-lost";

	private final EmailTemplates templates;

	private final MessageProperties properties;

	private final ClinicProperties clinic;

	private final ManageLinks links;

	private final PatientWords words;

	WaitlistEmails(EmailTemplates templates, MessageProperties properties, ClinicProperties clinic, ManageLinks links,
			PatientWords words) {
		this.templates = templates;
		this.properties = properties;
		this.clinic = clinic;
		this.links = links;
		this.words = words;
	}

	/** The email offering the time, unless the patient gave no address. */
	Optional<Email> compose(WaitlistOffered offered) {
		return offered.patient().emailable() ? Optional.of(offered(offered)) : Optional.empty();
	}

	/**
	 * The email an offer's end sends: only when it was lost, and the patient gave an
	 * address.
	 */
	Optional<Email> compose(WaitlistOfferClosed closed) {
		return (closed.outcome() == WaitlistOfferClosed.Outcome.LOST && closed.patient().emailable())
				? Optional.of(lost(closed)) : Optional.empty();
	}

	private Email offered(WaitlistOffered offered) {
		Language language = offered.patient().language();
		ZoneId zone = offered.zone();
		Map<String, Object> variables = Map.of("firstName", offered.patient().firstName(), "service",
				this.clinic.serviceName(offered.service().value(), language.locale()), "practitioner",
				practitioner(offered.slot()), "when", this.words.emailWhen(offered.slot().start(), zone, language),
				"location", this.properties.location(offered.location().value()), "until",
				until(offered.expiresAt(), offered.offeredAt(), zone, language), "claimLink",
				this.links.claim(offered.offer()));
		return email(OFFERED, offered.patient(), variables);
	}

	private Email lost(WaitlistOfferClosed closed) {
		Language language = closed.patient().language();
		Map<String, Object> variables = Map.of("firstName", closed.patient().firstName(), "service",
				this.clinic.serviceName(closed.service().value(), language.locale()), "when",
				this.words.emailWhen(closed.slot().start(), closed.zone(), language));
		return email(LOST, closed.patient(), variables);
	}

	/**
	 * Until when the time is held: the time of day alone when that is the day the offer
	 * was made, as it nearly always is.
	 */
	private String until(Instant expiresAt, Instant offeredAt, ZoneId zone, Language language) {
		boolean sameDay = expiresAt.atZone(zone).toLocalDate().equals(offeredAt.atZone(zone).toLocalDate());
		return sameDay ? this.words.emailTime(expiresAt, zone, language)
				: this.words.emailWhen(expiresAt, zone, language);
	}

	/** The practitioner's first name, as the patient will know them at the visit. */
	private String practitioner(Slot slot) {
		String name = (slot.practitionerName() != null) ? slot.practitionerName()
				: this.clinic.practitionerName(slot.practitioner().value());
		return name.strip().split("\\s+")[0];
	}

	private Email email(String purpose, Patient patient, Map<String, Object> variables) {
		return this.templates.email(purpose, patient.language(), patient.email(),
				this.words.emailSubject(purpose, patient.language()), variables, null, null);
	}

}
