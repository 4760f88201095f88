package com.geminihealth.intake.twilio;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Twilio's signing scheme, written out here independently of the SDK: Base64 of HMAC-SHA1
 * over the URL followed by each posted parameter's name and value, sorted by name.
 */
final class TwilioSigning {

	static final String TOKEN = "test-twilio-token";

	private TwilioSigning() {
	}

	static String sign(String token, String url, Map<String, String> form) {
		StringBuilder data = new StringBuilder(url);
		new TreeMap<>(form).forEach((name, value) -> data.append(name).append(value));
		try {
			Mac mac = Mac.getInstance("HmacSHA1");
			mac.init(new SecretKeySpec(token.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
			return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
