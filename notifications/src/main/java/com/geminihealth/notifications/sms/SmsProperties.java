package com.geminihealth.notifications.sms;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

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
 * @param quietHours when no text goes out, in each location's zone, unless
 * {@code locationQuietHours} names other hours for it: a text due then is held until they
 * end if still of use, skipped otherwise
 * @param locationQuietHours quiet hours by location id, where they differ from
 * {@code quietHours}
 * @param messagesPerSecond how many texts the sender may send each second: 1 for a long
 * code (the default), more for a messaging service or short code
 * @param responseTimeout how long to wait for Twilio's answer to a request sent; after
 * it, whether the text left is unknown until Twilio's delivery report says
 */
@ConfigurationProperties("notifications.sms")
@Validated
public record SmsProperties(String accountSid, String authToken, String messagingServiceSid, String from,
		URI statusCallbackUrl, URI apiBaseUrl, Path sandboxDir, QuietHours quietHours,
		Map<String, QuietHours> locationQuietHours, @DefaultValue("1") @Positive double messagesPerSecond,
		@DefaultValue("30s") Duration responseTimeout) {

	/** Unset environment variables arrive as empty strings: they mean "not set". */
	public SmsProperties {
		accountSid = blankToNull(accountSid);
		authToken = blankToNull(authToken);
		messagingServiceSid = blankToNull(messagingServiceSid);
		from = blankToNull(from);
		statusCallbackUrl = (statusCallbackUrl != null && statusCallbackUrl.toString().isBlank()) ? null
				: statusCallbackUrl;
		quietHours = (quietHours != null) ? quietHours : QuietHours.DEFAULT;
		locationQuietHours = (locationQuietHours != null) ? Map.copyOf(locationQuietHours) : Map.of();
	}

	/** The quiet hours of the location with id {@code location}. */
	QuietHours quietHoursAt(String location) {
		return this.locationQuietHours.getOrDefault(location, this.quietHours);
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text;
	}

	boolean configured() {
		return this.accountSid != null && !this.accountSid.isBlank();
	}

}
