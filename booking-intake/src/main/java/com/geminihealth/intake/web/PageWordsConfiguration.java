package com.geminihealth.intake.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.validation.DefaultMessageCodesResolver;
import org.springframework.validation.MessageCodesResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * How the public pages find their words in {@code messages.properties} and {@code _fr}:
 * the language the patient picks with {@code ?lang=}, kept by {@link PageLanguage}, and
 * each field error's words under {@code invalid.} and the code of the rule it broke
 * ({@code invalid.NotBlank}, {@code invalid.phone.invalid}), apart from the pages' own
 * keys. The API answers with the rules' own words, not these.
 */
@Configuration(proxyBeanMethods = false)
class PageWordsConfiguration implements WebMvcConfigurer {

	static final String LANGUAGE_PARAMETER = "lang";

	static final String FIELD_ERRORS = "invalid.";

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		LocaleChangeInterceptor languageSwitch = new LocaleChangeInterceptor();
		languageSwitch.setParamName(LANGUAGE_PARAMETER);
		// ?lang=xx-!! from a hand-edited address leaves the page as it was.
		languageSwitch.setIgnoreInvalidLocale(true);
		// Not on the error page: it would read the refused request's body for the
		// parameter, and a body over the form limit fails the error page itself.
		registry.addInterceptor(languageSwitch).excludePathPatterns("/error");
	}

	@Override
	public MessageCodesResolver getMessageCodesResolver() {
		DefaultMessageCodesResolver codes = new DefaultMessageCodesResolver();
		codes.setPrefix(FIELD_ERRORS);
		return codes;
	}

}
