package com.geminihealth.intake.web;

import java.time.ZoneOffset;

import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

/**
 * Reads a form's or a query's UTC offset ({@code -05:00}), which picks one occurrence of
 * a time the clocks repeat. An empty one is none. A {@code +} typed into a query
 * unencoded arrives as a space, and is read as the {@code +} it was. Anything else is a
 * field error, not a failure.
 */
@Component
class UtcOffsetConverter implements Converter<String, ZoneOffset> {

	@Override
	public ZoneOffset convert(String source) {
		if (source.isBlank()) {
			return null;
		}
		String offset = source.startsWith(" ") ? "+" + source.substring(1) : source;
		return ZoneOffset.of(offset.strip());
	}

}
