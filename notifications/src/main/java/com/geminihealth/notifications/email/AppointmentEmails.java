package com.geminihealth.notifications.email;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

import com.geminihealth.notifications.ManageLinks;
import com.geminihealth.notifications.MessageProperties;
import com.geminihealth.notifications.PatientWords;
import com.geminihealth.schemas.appointment.Appointment;
import com.geminihealth.schemas.appointment.AppointmentCancelled;
import com.geminihealth.schemas.appointment.AppointmentConfirmed;
import com.geminihealth.schemas.appointment.AppointmentDeclined;
import com.geminihealth.schemas.appointment.AppointmentEvent;
import com.geminihealth.schemas.appointment.AppointmentRescheduled;
import com.geminihealth.schemas.appointment.Slot;
import com.geminihealth.schemas.booking.Patient;

/**
 * Turns appointment decisions into patient emails, in the patient's language, from one
 * template per message type, language and format
 * ({@code templates/email/<lang>/<type>.html} and {@code .txt}), with the subject and the
 * way of saying when from {@link PatientWords}. Times are shown in the location's zone.
 */
@Component
class AppointmentEmails {

	private final EmailTemplates templates;

	private final MessageProperties properties;

	private final ManageLinks links;

	private final PatientWords words;

	private final Clock clock;

	AppointmentEmails(EmailTemplates templates, MessageProperties properties, ManageLinks links, PatientWords words,
			Clock clock) {
		this.templates = templates;
		this.properties = properties;
		this.links = links;
		this.words = words;
		this.clock = clock;
	}

	/**
	 * The email this decision sends, if it sends one (and the patient gave an address).
	 */
	Optional<Email> compose(AppointmentEvent event) {
		if (event instanceof AppointmentConfirmed confirmed) {
			return withInvite("appointment-confirmed", confirmed.appointment(), "REQUEST");
		}
		if (event instanceof AppointmentDeclined declined) {
			return declined(declined);
		}
		if (event instanceof AppointmentRescheduled rescheduled) {
			return withInvite("appointment-rescheduled", rescheduled.appointment(), "REQUEST");
		}
		if (event instanceof AppointmentCancelled cancelled) {
			return withInvite("appointment-cancelled", cancelled.appointment(), "CANCEL");
		}
		return Optional.empty();
	}

	/**
	 * An email about one appointment, with the invitation that updates the patient's
	 * calendar. One that still stands carries the link to manage it.
	 */
	private Optional<Email> withInvite(String purpose, Appointment appointment, String method) {
		Patient patient = appointment.patient();
		if (!patient.emailable()) {
			return Optional.empty();
		}
		MessageProperties.Location where = this.properties.location(appointment.location().value());
		Map<String, Object> variables = new HashMap<>(Map.of("firstName", patient.firstName(), "practitioner",
				appointment.practitionerName(), "when",
				this.words.emailWhen(appointment.start(), appointment.zone(), patient.language()), "location", where));
		CalendarInvite calendar = new CalendarInvite(appointment,
				this.properties.clinicName() + " - " + appointment.practitionerName(),
				where.name() + ", " + where.address(), this.properties.clinicName(), this.properties.from(),
				this.clock.instant());
		String invite;
		if ("REQUEST".equals(method)) {
			String link = this.links.of(appointment);
			variables.put("manageLink", link);
			invite = calendar.request(link);
		}
		else {
			invite = calendar.cancel();
		}
		return Optional.of(email(purpose, patient, variables, invite, method));
	}

	private Optional<Email> declined(AppointmentDeclined declined) {
		Patient patient = declined.patient();
		if (!patient.emailable()) {
			return Optional.empty();
		}
		// Offered nearest first; listed in the order of the day, as people read times.
		List<Alternative> alternatives = declined.alternatives()
			.stream()
			.sorted(Comparator.comparing(Slot::start))
			.map((slot) -> alternative(declined, slot))
			.toList();
		return Optional.of(email("appointment-declined", patient,
				Map.of("firstName", patient.firstName(), "alternatives", alternatives), null, null));
	}

	/**
	 * A slot offered instead, with a link to book it. On the night the clocks fall back a
	 * time comes twice: there the words and the link carry its UTC offset, so that the
	 * patient books the occurrence they were offered.
	 */
	private Alternative alternative(AppointmentDeclined declined, Slot slot) {
		ZoneId zone = declined.zone();
		LocalDateTime local = LocalDateTime.ofInstant(slot.start(), zone);
		UriComponentsBuilder link = UriComponentsBuilder.fromUriString(this.properties.bookingUrl())
			.queryParam("location", declined.location().value())
			.queryParam("service", declined.service().value())
			.queryParam("practitioner", slot.practitioner().value())
			.queryParam("start", local);
		String when = this.words.emailWhen(slot.start(), zone, declined.patient().language());
		if (zone.getRules().getValidOffsets(local).size() > 1) {
			ZoneOffset offset = zone.getRules().getOffset(slot.start());
			// A "+" in a query would be read as a space.
			link.queryParam("offset", offset.getId().replace("+", "%2B"));
			when = when + " (UTC" + offset.getId() + ")";
		}
		return new Alternative(when, slot.practitionerName(), link.build().toUriString());
	}

	private Email email(String purpose, Patient patient, Map<String, Object> variables, String invite, String method) {
		return this.templates.email(purpose, patient.language(), patient.email(),
				this.words.emailSubject(purpose, patient.language()), variables, invite, method);
	}

	/**
	 * An open slot offered instead, ready to show.
	 *
	 * @param when local date and time, in words
	 * @param practitioner who
	 * @param link the booking page with the slot filled in
	 */
	record Alternative(String when, String practitioner, String link) {
	}

}
