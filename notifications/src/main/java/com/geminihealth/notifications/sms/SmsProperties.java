package com.geminihealth.notifications.sms;

import java.net.URI;
import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Twilio, from the environment. Without an account SID, texts go to the sandbox folder
 * instead (the local run).
 *
 * @param accountSid the account, {@code AC...}
 * @param authToken its secret
 * @param messagingServiceSid the messaging service to send through, {@code MG...}; or
 * @param from the sending number, when there is no messaging service
 * @param statusCallbackUrl where Twilio reports delivery
 * @param apiBaseUrl another API address, such as a staging stub; empty for Twilio's
 * @param sandboxDir where texts go without an account
 */
@ConfigurationProperties("notifications.sms")
public record SmsProperties(String accountSid, String authToken, String messagingServiceSid, String from,
		URI statusCallbackUrl, URI apiBaseUrl, Path sandboxDir) {

	/** Unset environment variables arrive as empty strings: they mean "not set". */
	public SmsProperties {
		accountSid = blankToNull(accountSid);
		authToken = blankToNull(authToken);
		messagingServiceSid = blankToNull(messagingServiceSid);
		from = blankToNull(from);
		statusCallbackUrl = (statusCallbackUrl != null && statusCallbackUrl.toString().isBlank()) ? null
				: statusCallbackUrl;
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text;
	}

	boolean configured() {
		return this.accountSid != null && !this.accountSid.isBlank();
	}

}
