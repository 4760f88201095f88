package com.geminihealth.intake.web;

import java.time.Duration;
import java.util.Collections;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.WebUtils;

import com.geminihealth.schemas.booking.Language;

/**
 * The language of the public pages, English or French. The patient chooses it with the
 * switch on every page ({@code ?lang=fr}, see {@link WebConfiguration}), and a cookie
 * remembers the choice for a year, so the next visit, and the confirmation the booking
 * form asks for, are in it too. Until they choose, an appointment's own page speaks the
 * language its patient booked in, and every other page the first of the browser's
 * languages that we speak.
 * <p>
 * The cookie holds nothing but {@code en} or {@code fr}; it is HttpOnly and SameSite=Lax
 * like the intake's other cookies, and Secure whenever the page was.
 */
@Component("localeResolver")
public class PageLanguage implements LocaleResolver {

	static final String COOKIE = "language";

	static final Duration REMEMBERED = Duration.ofDays(365);

	private static final String CHOSEN = PageLanguage.class.getName() + ".chosen";

	private static final String PATIENTS = PageLanguage.class.getName() + ".patients";

	/**
	 * Renders the rest of this request in the language of the patient whose appointment
	 * it shows, unless they chose another.
	 */
	public static void usePatients(Language language, HttpServletRequest request) {
		request.setAttribute(PATIENTS, language);
	}

	@Override
	public Locale resolveLocale(HttpServletRequest request) {
		return resolve(request).locale();
	}

	private static Language resolve(HttpServletRequest request) {
		if (request.getAttribute(CHOSEN) instanceof Language chosen) {
			return chosen;
		}
		Optional<Language> remembered = remembered(request);
		if (remembered.isPresent()) {
			return remembered.get();
		}
		if (request.getAttribute(PATIENTS) instanceof Language patients) {
			return patients;
		}
		return browsers(request);
	}

	/** A choice on the page: kept for this request and remembered for the next. */
	@Override
	public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
		Optional<Language> chosen = language(locale);
		if (chosen.isEmpty() || response == null) {
			return;
		}
		request.setAttribute(CHOSEN, chosen.get());
		ResponseCookie cookie = ResponseCookie.from(COOKIE, code(chosen.get()))
			.path("/")
			.maxAge(REMEMBERED)
			.httpOnly(true)
			.secure(request.isSecure())
			.sameSite("Lax")
			.build();
		response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
	}

	private static Optional<Language> remembered(HttpServletRequest request) {
		Cookie cookie = WebUtils.getCookie(request, COOKIE);
		return (cookie != null) ? language(cookie.getValue()) : Optional.empty();
	}

	/**
	 * The first of the browser's languages we speak ({@code fr-CA}, {@code fr} and
	 * {@code fr-FR} are all French); English when it names neither.
	 */
	private static Language browsers(HttpServletRequest request) {
		if (request.getHeader(HttpHeaders.ACCEPT_LANGUAGE) == null) {
			return Language.EN;
		}
		return Collections.list(request.getLocales())
			.stream()
			.map(PageLanguage::language)
			.flatMap(Optional::stream)
			.findFirst()
			.orElse(Language.EN);
	}

	private static Optional<Language> language(Locale locale) {
		return (locale != null) ? language(locale.getLanguage()) : Optional.empty();
	}

	private static Optional<Language> language(String code) {
		return switch ((code != null) ? code : "") {
			case "en" -> Optional.of(Language.EN);
			case "fr" -> Optional.of(Language.FR);
			default -> Optional.empty();
		};
	}

	private static String code(Language language) {
		return language.locale().getLanguage();
	}

}
