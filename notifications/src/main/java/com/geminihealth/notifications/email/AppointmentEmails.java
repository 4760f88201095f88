package com.geminihealth.notifications.email;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

import com.geminihealth.schemas.appointment.Appointment;
import com.geminihealth.schemas.appointment.AppointmentCancelled;
import com.geminihealth.schemas.appointment.AppointmentConfirmed;
import com.geminihealth.schemas.appointment.AppointmentDeclined;
import com.geminihealth.schemas.appointment.AppointmentEvent;
import com.geminihealth.schemas.appointment.AppointmentRescheduled;
import com.geminihealth.schemas.booking.Language;
import com.geminihealth.schemas.booking.Patient;

/**
 * Turns appointment decisions into patient emails, in the patient's language, from one
 * template per message type, language and format
 * ({@code templates/email/<lang>/<type>.html} and {@code .txt}). Times are shown in the
 * location's zone.
 */
@Component
class AppointmentEmails {

	private static final Map<Language, DateTimeFormatter> WHEN = Map.of(Language.EN,
			DateTimeFormatter.ofPattern("EEEE, MMMM d, yyyy 'at' h:mm a", Language.EN.locale()), Language.FR,
			DateTimeFormatter.ofPattern("EEEE d MMMM yyyy 'à' H 'h' mm", Language.FR.locale()));

	private static final Map<Language, Map<String, String>> SUBJECTS = Map.of(Language.EN,
			Map.of("appointment-confirmed", "Your appointment is confirmed", "appointment-declined",
					"We could not book that time", "appointment-rescheduled", "Your appointment has moved",
					"appointment-cancelled", "Your appointment is cancelled"),
			Language.FR,
			Map.of("appointment-confirmed", "Votre rendez-vous est confirmé", "appointment-declined",
					"Nous n'avons pas pu réserver ce créneau", "appointment-rescheduled",
					"Votre rendez-vous a été déplacé", "appointment-cancelled", "Votre rendez-vous est annulé"));

	private final SpringTemplateEngine templates = templateEngine();

	private final EmailProperties properties;

	private final Clock clock;

	AppointmentEmails(EmailProperties properties, Clock clock) {
		this.properties = properties;
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
	 * calendar.
	 */
	private Optional<Email> withInvite(String purpose, Appointment appointment, String method) {
		Patient patient = appointment.patient();
		if (patient.email() == null) {
			return Optional.empty();
		}
		EmailProperties.Location where = this.properties.location(appointment.location().value());
		Context context = context(patient);
		context.setVariable("practitioner", appointment.practitionerName());
		context.setVariable("when", when(appointment.start(), appointment.zone(), patient.language()));
		context.setVariable("location", where);
		String invite = CalendarInvite.of(appointment, method,
				this.properties.clinicName() + " - " + appointment.practitionerName(),
				where.name() + ", " + where.address(), this.properties.from(), this.clock.instant());
		return Optional.of(render(purpose, patient, context, invite, method));
	}

	private Optional<Email> declined(AppointmentDeclined declined) {
		Patient patient = declined.patient();
		if (patient.email() == null) {
			return Optional.empty();
		}
		Context context = context(patient);
		context.setVariable("reason", declined.reason().name());
		context.setVariable("alternatives",
				declined.alternatives()
					.stream()
					.map((slot) -> new Alternative(when(slot.start(), declined.zone(), patient.language()),
							slot.practitionerName(),
							UriComponentsBuilder.fromUriString(this.properties.bookingUrl())
								.queryParam("location", declined.location().value())
								.queryParam("service", declined.service().value())
								.queryParam("practitioner", slot.practitioner().value())
								.queryParam("start", LocalDateTime.ofInstant(slot.start(), declined.zone()))
								.build()
								.toUriString()))
					.toList());
		return Optional.of(render("appointment-declined", patient, context, null, null));
	}

	private Context context(Patient patient) {
		Context context = new Context(patient.language().locale());
		context.setVariable("firstName", patient.firstName());
		context.setVariable("clinic", this.properties.clinicName());
		context.setVariable("phone", this.properties.clinicPhone());
		return context;
	}

	private Email render(String purpose, Patient patient, Context context, String invite, String inviteMethod) {
		String folder = "email/" + patient.language().name().toLowerCase(Locale.ROOT) + "/" + purpose;
		return new Email(purpose, patient.email(), SUBJECTS.get(patient.language()).get(purpose),
				this.templates.process(folder + ".txt", context), this.templates.process(folder + ".html", context),
				invite, inviteMethod);
	}

	private static String when(java.time.Instant instant, ZoneId zone, Language language) {
		return WHEN.get(language).format(instant.atZone(zone));
	}

	private static SpringTemplateEngine templateEngine() {
		SpringTemplateEngine engine = new SpringTemplateEngine();
		for (TemplateMode mode : List.of(TemplateMode.HTML, TemplateMode.TEXT)) {
			ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
			resolver.setPrefix("templates/");
			resolver.setTemplateMode(mode);
			resolver.setResolvablePatterns(Set.of((mode == TemplateMode.HTML) ? "*.html" : "*.txt"));
			resolver.setCharacterEncoding("UTF-8");
			resolver.setCheckExistence(true);
			engine.addTemplateResolver(resolver);
		}
		return engine;
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
