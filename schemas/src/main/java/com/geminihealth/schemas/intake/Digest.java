package com.geminihealth.schemas.intake;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.geminihealth.schemas.Id;

/**
 * A SHA-256 digest in lowercase hex: how booking intake recognises what it has seen
 * before (a client's idempotency key, a request body, a phone number) without keeping it
 * in clear. A digest of a phone number is a pseudonym, not an anonymous value: the topics
 * keyed by one keep it only as long as their retention.
 */
public record Digest(@JsonValue String value) implements Id {

	private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

	@JsonCreator
	public Digest {
		if (value == null || !HEX.matcher(value).matches()) {
			throw new IllegalArgumentException("a digest is 64 lowercase hex digits");
		}
	}

	public static Digest of(String text) {
		return of(text.getBytes(StandardCharsets.UTF_8));
	}

	public static Digest of(byte[] bytes) {
		try {
			return new Digest(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every Java runtime has SHA-256", ex);
		}
	}

}
