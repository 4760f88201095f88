package com.geminihealth.schemas.booking;

import java.util.UUID;

/** Checks shared by the typed identifiers. */
public final class Ids {

	private Ids() {
	}

	public static String requireText(String value, String what) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException(what + " must not be blank");
		}
		return value;
	}

	public static UUID requireUuid(UUID value, String what) {
		if (value == null) {
			throw new IllegalArgumentException(what + " must not be null");
		}
		return value;
	}

}
