package com.geminihealth.intake.booking;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;
import org.springframework.web.util.WebUtils;

import com.geminihealth.intake.web.PageSecret;
import com.geminihealth.schemas.Json;
import com.geminihealth.schemas.booking.Language;

/**
 * The patient's details, kept for half an hour in a signed cookie of the booking pages so
 * that picking one of the alternatives offered needs no retyping, without a session on
 * the server. The cookie is the patient's own data on their own browser; it is signed so
 * that no other site can plant details in it, not hidden. Anything but a cookie this
 * service signed is ignored.
 */
@Component
class DetailsCookie {

	static final String NAME = "booking-details";

	static final Duration LIFETIME = Duration.ofMinutes(30);

	/** No details: the form starts empty. */
	static final Details NONE = new Details(null, null, null, null, null, null, null);

	private static final String PURPOSE = NAME;

	private final PageSecret secret;

	DetailsCookie(PageSecret secret) {
		this.secret = secret;
	}

	void keep(BookingRequest request, HttpServletRequest httpRequest, HttpServletResponse response) {
		byte[] json = Json.MAPPER
			.writeValueAsBytes(new Details(request.patientName(), request.email(), request.mobilePhone(),
					request.language(), request.smsConsent(), request.followUpConsent(), request.feedbackConsent()));
		String data = Base64.getUrlEncoder().withoutPadding().encodeToString(json);
		ResponseCookie cookie = ResponseCookie.from(NAME, data + "." + this.secret.sign(PURPOSE, data))
			.path("/book")
			.maxAge(LIFETIME)
			.httpOnly(true)
			.secure(httpRequest.isSecure())
			.sameSite("Lax")
			.build();
		response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
	}

	Optional<Details> read(HttpServletRequest request) {
		Cookie cookie = WebUtils.getCookie(request, NAME);
		if (cookie == null || cookie.getValue() == null) {
			return Optional.empty();
		}
		String value = cookie.getValue();
		int dot = value.lastIndexOf('.');
		if (dot < 0 || !this.secret.signed(PURPOSE, value.substring(0, dot), value.substring(dot + 1))) {
			return Optional.empty();
		}
		try {
			byte[] json = Base64.getUrlDecoder().decode(value.substring(0, dot));
			return Optional.of(Json.MAPPER.readValue(new String(json, StandardCharsets.UTF_8), Details.class));
		}
		catch (RuntimeException ex) {
			return Optional.empty();
		}
	}

	/**
	 * What the form asks about the patient; {@code feedbackConsent} is absent from a
	 * cookie set before the form asked it, and reads as no.
	 */
	record Details(String patientName, String email, String mobilePhone, Language language, Boolean smsConsent,
			Boolean followUpConsent, Boolean feedbackConsent) {

		@Override
		public String toString() {
			return "Details[…]";
		}

	}

}
