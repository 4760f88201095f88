package com.geminihealth.intake.booking;

import java.util.UUID;

/**
 * A random token the booking form carries from the moment it is shown, so that sending
 * the same form again (after an error page, a time-out, a double click) is known to be
 * the same submission. The waitlist's form carries one too, under a caller of its own. It
 * is only ever a key for finding the request's id again
 * ({@link com.geminihealth.intake.idempotency.IdempotencyKeys}): the id stays random, and
 * a token sent with other details than the first time starts a new request rather than
 * reaching the first one.
 */
public final class FormSubmission {

	/** The form field that carries it. */
	public static final String FIELD = "submission";

	/** Whose keys the tokens are: no API caller's key can name a form's submission. */
	static final String CALLER = "booking-form";

	private FormSubmission() {
	}

	public static String issue() {
		return UUID.randomUUID().toString();
	}

	/**
	 * The token the form came back with, or a new one if it came with none or with
	 * something no form of ours was given.
	 */
	public static String keptOrNew(String sent) {
		return isToken(sent) ? sent : issue();
	}

	private static boolean isToken(String sent) {
		if (sent == null || sent.length() != 36) {
			return false;
		}
		try {
			UUID token = UUID.fromString(sent);
			return token.version() == 4 && token.toString().equals(sent);
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

}
