package com.geminihealth.intake.web;

import java.util.Optional;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/** Phone numbers as people type them, read as Canadian unless they say otherwise. */
public final class PhoneNumbers {

	private static final String DEFAULT_REGION = "CA";

	private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

	private PhoneNumbers() {
	}

	/**
	 * The number in E.164 form ({@code +12892348001}), or empty if it is not a valid
	 * number.
	 */
	public static Optional<String> toE164(String typed) {
		if (typed == null || typed.isBlank()) {
			return Optional.empty();
		}
		try {
			PhoneNumber number = UTIL.parse(typed, DEFAULT_REGION);
			return UTIL.isValidNumber(number) ? Optional.of(UTIL.format(number, PhoneNumberFormat.E164))
					: Optional.empty();
		}
		catch (NumberParseException ex) {
			return Optional.empty();
		}
	}

	/**
	 * The region (ISO 3166 code) a number in E.164 form belongs to, {@code ZZ} if none.
	 */
	public static String region(String e164) {
		try {
			return UTIL.getRegionCodeForNumber(UTIL.parse(e164, "ZZ"));
		}
		catch (NumberParseException ex) {
			return "ZZ";
		}
	}

	/**
	 * The number grouped as people read it ({@code +1 289-234-8001}), or as given if it
	 * cannot be read.
	 */
	public static String forReading(String number) {
		try {
			return UTIL.format(UTIL.parse(number, DEFAULT_REGION), PhoneNumberFormat.INTERNATIONAL);
		}
		catch (NumberParseException ex) {
			return number;
		}
	}

}
