package com.geminihealth.intake.web;

import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

import com.geminihealth.schemas.booking.Language;

/**
 * Reads a form's or a query's language as people and the contract write it: {@code en},
 * {@code EN} and {@code fr} alike. Anything else is a field error, not a failure.
 */
@Component
class LanguageConverter implements Converter<String, Language> {

	@Override
	public Language convert(String source) {
		return source.isBlank() ? null : Language.of(source);
	}

}
