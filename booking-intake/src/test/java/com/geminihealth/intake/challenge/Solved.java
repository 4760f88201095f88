package com.geminihealth.intake.challenge;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Answers the public forms' challenges as their page's script does, written out here
 * independently of the intake's code.
 */
public final class Solved {

	private Solved() {
	}

	/** A new challenge of the intake's, answered, as a form's fields. */
	public static RequestPostProcessor challenge(ProofOfWork proofOfWork) {
		ProofOfWork.Challenge challenge = proofOfWork.issue();
		String nonce = answer(challenge.value(), challenge.difficulty());
		return (request) -> {
			request.addParameter("challenge", challenge.value());
			request.addParameter("nonce", nonce);
			return request;
		};
	}

	/**
	 * The first nonce n such that SHA-256(challenge + n) starts with {@code bits} zeros.
	 */
	public static String answer(String challenge, int bits) {
		return firstNonce(challenge, bits, true);
	}

	/** The first nonce that does not answer the challenge. */
	static String wrongAnswer(String challenge, int bits) {
		return firstNonce(challenge, bits, false);
	}

	private static String firstNonce(String challenge, int bits, boolean solving) {
		try {
			MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
			for (long nonce = 0;; nonce++) {
				byte[] hash = sha256.digest((challenge + nonce).getBytes(StandardCharsets.US_ASCII));
				long first = ((hash[0] & 0xffL) << 24) | ((hash[1] & 0xffL) << 16) | ((hash[2] & 0xffL) << 8)
						| (hash[3] & 0xffL);
				boolean solves = (bits == 0) || (first >>> (32 - bits)) == 0;
				if (solves == solving) {
					return String.valueOf(nonce);
				}
			}
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
