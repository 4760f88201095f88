package com.geminihealth.intake.manage;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

import com.geminihealth.schemas.booking.Language;

/**
 * Pages speak the patient's language where it is known (their appointment says it), and
 * the browser's otherwise, English or French.
 */
@Component("localeResolver")
class PatientLocale implements LocaleResolver {

	private static final String ATTRIBUTE = PatientLocale.class.getName();

	private final AcceptHeaderLocaleResolver browser = new AcceptHeaderLocaleResolver();

	PatientLocale() {
		this.browser.setSupportedLocales(List.of(Language.EN.locale(), Language.FR.locale(), Locale.FRENCH));
		this.browser.setDefaultLocale(Language.EN.locale());
	}

	/** Renders the rest of this request in the patient's language. */
	static void use(Language language, HttpServletRequest request) {
		request.setAttribute(ATTRIBUTE, language.locale());
	}

	@Override
	public Locale resolveLocale(HttpServletRequest request) {
		return (request.getAttribute(ATTRIBUTE) instanceof Locale patient) ? patient
				: this.browser.resolveLocale(request);
	}

	@Override
	public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
		request.setAttribute(ATTRIBUTE, locale);
	}

}
