package com.geminihealth.dashboard.today;

import java.util.regex.Pattern;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * The home-care notes typed when a session is marked completed: optional, of a length an
 * email can carry, and text a person typed (no control characters other than line breaks
 * and tabs, as the contract's free text).
 */
final class HomeCareNotes {

	static final int LONGEST = 2000;

	private static final Pattern FREE_TEXT = Pattern.compile("[^\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]*");

	private HomeCareNotes() {
	}

	/**
	 * The notes to send, or null when none were typed; 400 for notes no email carries.
	 */
	static String of(String typed) {
		if (typed == null || typed.isBlank()) {
			return null;
		}
		String notes = typed.strip();
		if (notes.length() > LONGEST || !FREE_TEXT.matcher(notes).matches()) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
					"home-care notes are plain text of at most " + LONGEST + " characters");
		}
		return notes;
	}

}
