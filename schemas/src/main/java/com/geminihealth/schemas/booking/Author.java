package com.geminihealth.schemas.booking;

/**
 * Who changed an appointment, accountable for it: the patient through their manage link,
 * a signed-in front-desk user, or a signed integration.
 *
 * @param kind which of the three
 * @param name the front-desk user's name or the integration's key id; none for the
 * patient, whose details the appointment already holds
 */
public record Author(Kind kind, String name) {

	public static final Author PATIENT = new Author(Kind.PATIENT, null);

	public Author {
		if (kind == null) {
			throw new IllegalArgumentException("an author needs a kind");
		}
	}

	public static Author frontDesk(String user) {
		return new Author(Kind.FRONT_DESK, user);
	}

	public static Author integration(String keyId) {
		return new Author(Kind.INTEGRATION, keyId);
	}

	/** How the change reached the clinic. */
	public enum Kind {

		PATIENT, FRONT_DESK, INTEGRATION

	}

}
