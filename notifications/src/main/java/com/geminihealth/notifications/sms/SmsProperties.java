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

	boolean configured() {
		return this.accountSid != null && !this.accountSid.isBlank();
	}

}
