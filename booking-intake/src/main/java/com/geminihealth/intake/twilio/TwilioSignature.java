package com.geminihealth.intake.twilio;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import com.twilio.security.RequestValidator;

import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Checks a webhook's {@code X-Twilio-Signature} with the SDK's validator. Twilio signs
 * the URL it called, query string included, and the posted form fields, which the servlet
 * request merges with the query's: they are told apart again here.
 * <p>
 * The webhooks read their fields only through {@link #signedForm}, so nothing looks at a
 * field, or refuses one, before the signature is checked: a request that does not come
 * from Twilio learns nothing about what the webhooks accept.
 */
@Component
class TwilioSignature {

	private final TwilioProperties twilio;

	TwilioSignature(TwilioProperties twilio) {
		this.twilio = twilio;
	}

	/**
	 * The request's fields, query and form together, if Twilio signed them; empty when
	 * the signature is missing or wrong.
	 */
	Optional<MultiValueMap<String, String>> signedForm(HttpServletRequest request, String signature) {
		if (this.twilio.authToken() == null || signature == null) {
			return Optional.empty();
		}
		MultiValueMap<String, String> parameters = new LinkedMultiValueMap<>();
		request.getParameterMap().forEach((name, values) -> parameters.addAll(name, Arrays.asList(values)));
		return valid(request, parameters, signature) ? Optional.of(parameters) : Optional.empty();
	}

	private boolean valid(HttpServletRequest request, MultiValueMap<String, String> parameters, String signature) {
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
