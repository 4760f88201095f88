package com.geminihealth.intake.challenge;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumMap;
import java.util.Map;
import java.util.regex.Pattern;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

import com.geminihealth.intake.web.PageProperties;
import com.geminihealth.intake.web.PageSecret;

/**
 * A challenge that costs a bot more than a person, with no third-party service: the page
 * hands out a signed, expiring challenge with a difficulty, its script finds a nonce such
 * that SHA-256(challenge + nonce) starts with that many zero bits while the form is
 * filled in, and the post carries both. Checking costs the server one hash and one HMAC
 * and no memory of what it issued; only answered challenges are remembered, until they
 * expire, so that one answer sends one form.
 * <p>
 * What is remembered is this instance's: behind a load balancer a solved challenge can be
 * sent once to each instance, which multiplies a bot's yield by the number of instances,
 * not more.
 */
@Component
public class ProofOfWork {

	/** The form field that brings the challenge back. */
	public static final String FIELD = "challenge";

	/** The form field with the script's answer. */
	public static final String NONCE = "nonce";

	/** Set in the model when a form comes back without a good answer. */
	public static final String REFUSED = "challengeRefused";

	private static final String PURPOSE = "challenge";

	private static final Pattern DIGITS = Pattern.compile("[0-9]{1,20}");

	private final SecureRandom random = new SecureRandom();

	private final PageSecret secret;

	private final PageProperties.Challenge properties;

	private final Clock clock;

	private final Cache<String, Boolean> answered;

	private final Map<Verdict, Counter> refusals = new EnumMap<>(Verdict.class);

	ProofOfWork(PageSecret secret, PageProperties properties, Clock clock, MeterRegistry meters) {
		this.secret = secret;
		this.properties = properties.challenge();
		this.clock = clock;
		this.answered = Caffeine.newBuilder()
			.expireAfterWrite(this.properties.lifetime())
			.maximumSize(1_000_000)
			.build();
		for (Verdict verdict : Verdict.values()) {
			if (verdict != Verdict.SOLVED) {
				this.refusals.put(verdict, Counter.builder("intake.challenge.refused")
					.description("Form posts refused because their proof of work was missing, wrong, old or reused")
					.tag("reason", verdict.name().toLowerCase())
					.register(meters));
			}
		}
	}

	/** A new challenge at the configured difficulty. */
	public Challenge issue() {
		return issue(this.clock.instant().plus(this.properties.lifetime()), this.properties.difficulty());
	}

	Challenge issue(Instant expiresAt, int difficulty) {
		byte[] salt = new byte[16];
		this.random.nextBytes(salt);
		String signed = expiresAt.getEpochSecond() + "." + difficulty + "."
				+ Base64.getUrlEncoder().withoutPadding().encodeToString(salt);
		return new Challenge(signed + "." + this.secret.sign(PURPOSE, signed), difficulty);
	}

	/** Whether {@code nonce} answers {@code challenge}; a solved challenge is spent. */
	public Verdict check(String challenge, String nonce) {
		Verdict verdict = verdict(challenge, nonce);
		if (verdict != Verdict.SOLVED) {
			this.refusals.get(verdict).increment();
		}
		return verdict;
	}

	private Verdict verdict(String challenge, String nonce) {
		if (challenge == null || challenge.isEmpty() || nonce == null || nonce.isEmpty()) {
			return Verdict.MISSING;
		}
		String[] parts = challenge.split("\\.", -1);
		if (parts.length != 4 || !DIGITS.matcher(nonce).matches()
				|| !this.secret.signed(PURPOSE, parts[0] + "." + parts[1] + "." + parts[2], parts[3])) {
			return Verdict.INVALID;
		}
		// Signed by us, so these are our numbers.
		if (!Instant.ofEpochSecond(Long.parseLong(parts[0])).isAfter(this.clock.instant())) {
			return Verdict.EXPIRED;
		}
		if (leadingZeroBits(sha256(challenge + nonce)) < Integer.parseInt(parts[1])) {
			return Verdict.UNSOLVED;
		}
		return (this.answered.asMap().putIfAbsent(parts[2], Boolean.TRUE) == null) ? Verdict.SOLVED : Verdict.REUSED;
	}

	private static byte[] sha256(String text) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.US_ASCII));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every Java runtime has SHA-256", ex);
		}
	}

	static int leadingZeroBits(byte[] hash) {
		int bits = 0;
		for (byte b : hash) {
			if (b != 0) {
				return bits + Integer.numberOfLeadingZeros(b & 0xff) - 24;
			}
			bits += 8;
		}
		return bits;
	}

	/**
	 * What the page hands out.
	 *
	 * @param value the signed challenge, sent back as it is
	 * @param difficulty the zero bits its answer needs
	 */
	public record Challenge(String value, int difficulty) {
	}

	/** How a form's answer was found. */
	public enum Verdict {

		SOLVED, MISSING, INVALID, EXPIRED, UNSOLVED, REUSED

	}

}
