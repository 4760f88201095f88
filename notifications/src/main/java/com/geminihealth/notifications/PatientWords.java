package com.geminihealth.notifications;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;

import com.geminihealth.schemas.booking.Language;

/**
 * The words patients read in their notifications, in their language: email subjects,
 * texts and the way each says when an appointment is. They live in
 * {@code notifications-messages.properties} and {@code _fr}, so a wording is changed or
 * translated without touching code, as the intake's pages are.
 * <p>
 * The bundle has a name of its own, not {@code messages}: the local run puts every
 * service on one class path, where the intake's {@code messages.properties} would hide
 * it. A word missing from the bundle fails the message with
 * {@link org.springframework.context.NoSuchMessageException} rather than sending a
 * subject that says "null", and the JVM's own locale never chooses the language.
 */
@Component
public class PatientWords {

	static final String BUNDLE = "notifications-messages";

	private final MessageSource bundle;

	public PatientWords() {
		ResourceBundleMessageSource bundle = new ResourceBundleMessageSource();
		bundle.setBasename(BUNDLE);
		bundle.setDefaultEncoding("UTF-8");
		bundle.setFallbackToSystemLocale(false);
		this.bundle = bundle;
	}

	/** The subject of the email sent for {@code purpose}. */
	public String emailSubject(String purpose, Language language) {
		return word("email.subject." + purpose, language);
	}

	/**
	 * When an appointment is, in full, as an email says it: in the patient's language and
	 * country ({@code en-CA}, {@code fr-CA}), in the location's zone.
	 */
	public String emailWhen(Instant instant, ZoneId zone, Language language) {
		return DateTimeFormatter.ofPattern(word("email.format.when", language), language.locale())
			.format(instant.atZone(zone));
	}

	/**
	 * A time of day, as an email says it, such as when a waitlist offer stops being held:
	 * in the patient's language and country, in the location's zone.
	 */
	public String emailTime(Instant instant, ZoneId zone, Language language) {
		return DateTimeFormatter.ofPattern(word("email.format.time", language), language.locale())
			.format(instant.atZone(zone));
	}

	/** A day, as an email says it: in the patient's language and country. */
	public String emailDate(LocalDate day, Language language) {
		return DateTimeFormatter.ofPattern(word("email.format.date", language), language.locale()).format(day);
	}

	/**
	 * The template of the text sent for {@code purpose}, with its {@code [optional]}
	 * words still marked.
	 */
	public String smsTemplate(String purpose, Language language) {
		return word("sms.text." + purpose, language);
	}

	/**
	 * When an appointment is, in short, as a text says it. Formatted in the language
	 * without its country: Canadian English abbreviates with dots ({@code Mon. Dec. 7,
	 * 10:00 a.m.}), characters a one-segment text cannot spare.
	 */
	public String smsWhen(Instant instant, ZoneId zone, Language language) {
		Locale plain = Locale.forLanguageTag(language.locale().getLanguage());
		return DateTimeFormatter.ofPattern(word("sms.format.when", language), plain).format(instant.atZone(zone));
	}

	/**
	 * A time of day, in short, as a text says it; in the language without its country, as
	 * {@link #smsWhen} is.
	 */
	public String smsTime(Instant instant, ZoneId zone, Language language) {
		Locale plain = Locale.forLanguageTag(language.locale().getLanguage());
		return DateTimeFormatter.ofPattern(word("sms.format.time", language), plain).format(instant.atZone(zone));
	}

	/** Read as written: no arguments, so no MessageFormat quoting rules apply. */
	private String word(String key, Language language) {
		return this.bundle.getMessage(key, null, language.locale());
	}

}
