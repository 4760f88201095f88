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

	/**
	 * The last number each thread read, and what it read: one request asks about its
	 * number several times (validation, limits, the command), and parsing one costs more
	 * than the rest of its checks.
	 */
	private static final ThreadLocal<Read> LAST_READ = new ThreadLocal<>();

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
		return read(typed, DEFAULT_REGION).e164();
	}

	/**
	 * The region (ISO 3166 code) a number in E.164 form belongs to, {@code ZZ} if none.
	 */
	public static String region(String e164) {
		return read(e164, "ZZ").region();
	}

	private static Read read(String typed, String defaultRegion) {
		Read last = LAST_READ.get();
		if (last != null && last.typed().equals(typed) && last.defaultRegion().equals(defaultRegion)) {
			return last;
		}
		Read read;
		try {
			PhoneNumber number = UTIL.parse(typed, defaultRegion);
			String region = UTIL.getRegionCodeForNumber(number);
			read = new Read(
					typed, defaultRegion, UTIL.isValidNumber(number)
							? Optional.of(UTIL.format(number, PhoneNumberFormat.E164)) : Optional.empty(),
					(region != null) ? region : "ZZ");
		}
		catch (NumberParseException ex) {
			read = new Read(typed, defaultRegion, Optional.empty(), "ZZ");
		}
		LAST_READ.set(read);
		return read;
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

	private record Read(String typed, String defaultRegion, Optional<String> e164, String region) {
	}

}
