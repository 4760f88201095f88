package com.geminihealth.intake.integration;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;

/**
 * HMAC-SHA256 request signatures: {@code hex(HMAC(secret, timestamp + "." + body))}, the
 * timestamp in epoch seconds. Signing the timestamp with the body makes an old request
 * useless to replay once it is older than the allowed age.
 */
@Component
class RequestSignature {

	private final IntegrationProperties properties;

	private final Clock clock;

	RequestSignature(IntegrationProperties properties, Clock clock) {
		this.properties = properties;
		this.clock = clock;
	}

	/** Why the request must be refused, or null if it is authentic and fresh. */
	String refusal(String keyId, String timestamp, String signature, byte[] body) {
		String secret = (keyId != null) ? this.properties.keys().get(keyId) : null;
		if (secret == null || timestamp == null || signature == null) {
			return "missing or unknown signature key";
		}
		Instant signedAt;
		try {
			signedAt = Instant.ofEpochSecond(Long.parseLong(timestamp));
		}
		catch (NumberFormatException | DateTimeException ex) {
			return "timestamp must be epoch seconds";
		}
		if (Duration.between(signedAt, this.clock.instant()).abs().compareTo(this.properties.maxAge()) > 0) {
			return "request is too old (or from the future)";
		}
		byte[] expected = sign(secret, timestamp, body).getBytes(StandardCharsets.US_ASCII);
		byte[] given = signature.strip().toLowerCase().getBytes(StandardCharsets.US_ASCII);
		return MessageDigest.isEqual(expected, given) ? null : "signature does not match";
	}

	static String sign(String secret, String timestamp, byte[] body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(mac.doFinal(body));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is unavailable", ex);
		}
	}

}
