package com.geminihealth.schemas;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ext.javatime.deser.InstantDeserializer;

/**
 * Reads the contract's instants, ISO-8601 in UTC such as {@code 2026-12-01T15:00:00Z} or
 * {@code 2026-12-01T15:00:00.123Z}, field by field instead of through a
 * {@code DateTimeFormatter}, which took two fifths of the time to read an appointment
 * event. Anything else (an offset, a number) is read by Jackson's own deserializer.
 */
final class UtcInstantDeserializer extends ValueDeserializer<Instant> {

	@Override
	public Instant deserialize(JsonParser parser, DeserializationContext context) {
		if (parser.currentToken() == JsonToken.VALUE_STRING) {
			Instant instant = parse(parser.getString());
			if (instant != null) {
				return instant;
			}
		}
		return InstantDeserializer.INSTANT.deserialize(parser, context);
	}

	/** The instant, or null when {@code text} is not in the contract's UTC form. */
	static Instant parse(String text) {
		int length = text.length();
		if (length < 20 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
				|| text.charAt(13) != ':' || text.charAt(16) != ':' || text.charAt(length - 1) != 'Z'
				|| (length > 20 && (text.charAt(19) != '.' || length == 21 || length > 30))) {
			return null;
		}
		for (int i = 0; i < length - 1; i++) {
			char c = text.charAt(i);
			boolean separator = i == 4 || i == 7 || i == 10 || i == 13 || i == 16 || i == 19;
			if (!separator && (c < '0' || c > '9')) {
				return null;
			}
		}
		int nanos = 0;
		if (length > 20) {
			nanos = digits(text, 20, length - 1);
			for (int scale = length - 21; scale < 9; scale++) {
				nanos *= 10;
			}
		}
		try {
			return LocalDateTime
				.of(digits(text, 0, 4), digits(text, 5, 7), digits(text, 8, 10), digits(text, 11, 13),
						digits(text, 14, 16), digits(text, 17, 19), nanos)
				.toInstant(ZoneOffset.UTC);
		}
		catch (DateTimeException ex) {
			return null;
		}
	}

	private static int digits(String text, int from, int to) {
		int value = 0;
		for (int i = from; i < to; i++) {
			value = value * 10 + (text.charAt(i) - '0');
		}
		return value;
	}

}
