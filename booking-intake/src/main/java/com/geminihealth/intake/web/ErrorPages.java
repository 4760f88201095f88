package com.geminihealth.intake.web;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

import com.geminihealth.platform.clinic.ClinicProperties;

/**
 * What a browser sees when a page cannot be shown: a page of the clinic's, saying whether
 * the address is unknown, the link incomplete, the form expired or sent too often, the
 * service briefly unable to take it, or the fault ours, and how to book or reach the
 * front desk instead. It never repeats the address or the error's details. API clients
 * get problem details ({@link Problems}) or Spring Boot's JSON error.
 */
@Component
class ErrorPages implements ErrorViewResolver {

	private final ClinicProperties clinic;

	ErrorPages(ClinicProperties clinic) {
		this.clinic = clinic;
	}

	@Override
	public ModelAndView resolveErrorView(HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
		return new ModelAndView("patient-error", Map.of("clinic", this.clinic, "kind", kind(status)), status);
	}

	private static String kind(HttpStatus status) {
		return switch (status) {
			case NOT_FOUND -> "missing";
			// A form sent without the CSRF cookie it was given (cleared, or blocked) is
			// refused.
			case FORBIDDEN -> "expired";
			case TOO_MANY_REQUESTS -> "busy";
			case SERVICE_UNAVAILABLE -> "unavailable";
			default -> status.is4xxClientError() ? "incomplete" : "ours";
		};
	}

}
