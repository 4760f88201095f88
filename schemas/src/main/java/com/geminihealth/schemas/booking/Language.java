package com.geminihealth.schemas.booking;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The language a patient wants to hear from us in. */
public enum Language {

	@JsonProperty("en")
	EN(Locale.CANADA),

	@JsonProperty("fr")
	FR(Locale.CANADA_FRENCH);

	private final Locale locale;

	Language(Locale locale) {
		this.locale = locale;
	}

	/**
	 * The language of a code as people write it: {@code en}, {@code EN} or {@code fr}.
	 */
	public static Language of(String code) {
		return valueOf(code.strip().toUpperCase(Locale.ROOT));
	}

	public Locale locale() {
		return this.locale;
	}

}
