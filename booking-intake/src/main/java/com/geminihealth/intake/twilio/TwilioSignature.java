package com.geminihealth.intake.twilio;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import com.twilio.security.RequestValidator;

import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Checks a webhook's {@code X-Twilio-Signature} with the SDK's validator. Twilio signs
 * the URL it called, query string included, and the posted form fields, which Spring
 * merges with the query's: they are told apart again here.
 */
@Component
class TwilioSignature {

	private final TwilioProperties twilio;

	TwilioSignature(TwilioProperties twilio) {
		this.twilio = twilio;
	}

	boolean valid(HttpServletRequest request, MultiValueMap<String, String> parameters, String signature) {
		if (this.twilio.authToken() == null || signature == null) {
			return false;
		}
		String query = request.getQueryString();
		String calledPath = request.getRequestURI() + ((query != null) ? "?" + query : "");
		String url = (this.twilio.publicBaseUrl() != null) ? this.twilio.publicBaseUrl() + calledPath
				: request.getRequestURL() + ((query != null) ? "?" + query : "");
		Map<String, String> posted = new HashMap<>(parameters.toSingleValueMap());
		posted.keySet().removeAll(queryNames(query));
		return new RequestValidator(this.twilio.authToken()).validate(url, posted, signature);
	}

	private static Set<String> queryNames(String query) {
		return (query != null) ? UriComponentsBuilder.fromUriString("?" + query).build().getQueryParams().keySet()
				: Set.of();
	}

}
