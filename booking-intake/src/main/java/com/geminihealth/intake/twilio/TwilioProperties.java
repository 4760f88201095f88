package com.geminihealth.intake.twilio;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Twilio's webhooks.
 *
 * @param authToken the account's auth token, which signs every webhook request
 * @param publicBaseUrl the address Twilio calls, as Twilio sees it (behind a proxy the
 * request's own URL differs, and the signature covers Twilio's)
 */
@ConfigurationProperties("intake.twilio")
public record TwilioProperties(String authToken, String publicBaseUrl) {

	public TwilioProperties {
		authToken = (authToken == null || authToken.isBlank()) ? null : authToken;
		publicBaseUrl = (publicBaseUrl == null || publicBaseUrl.isBlank()) ? null : publicBaseUrl;
	}

}
