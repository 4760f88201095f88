package com.geminihealth.intake.web;

import java.io.IOException;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers 404 to every submission to the unsigned JSON API when it is turned off
 * ({@link PublicApiProperties}), before its body is read.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
class PublicApiFilter extends OncePerRequestFilter {

	private final PublicApiProperties properties;

	private final Counter refused;

	PublicApiFilter(PublicApiProperties properties, MeterRegistry meters) {
		this.properties = properties;
		this.refused = Counter.builder("intake.public.api.refused")
			.description("Submissions to the unsigned JSON API refused because it is turned off")
			.register(meters);
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI();
		return this.properties.enabled() || !"POST".equals(request.getMethod()) || !(path.equals("/api/bookings")
				|| path.equals("/api/inquiries") || path.startsWith("/api/appointments/"));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		this.refused.increment();
		Refusal.send(request, response, HttpStatus.NOT_FOUND,
				"this service takes no unsigned submissions; use the booking pages or the signed integration endpoint");
	}

}
