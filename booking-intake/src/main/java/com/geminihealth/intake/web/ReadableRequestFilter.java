package com.geminihealth.intake.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses what cannot be read safely before anything reads it: a body of no definite type
 * (415), form fields that are not valid UTF-8 (400), a body over its door's limit (413).
 * A body without a declared length stops being read at the limit ({@link TooLarge},
 * answered 413 by {@link Problems}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class ReadableRequestFilter extends OncePerRequestFilter {

	private final BodyLimitProperties properties;

	private final Counter refused;

	ReadableRequestFilter(BodyLimitProperties properties, MeterRegistry meters) {
		this.properties = properties;
		this.refused = Counter.builder("intake.body.too.large")
			.description("Requests refused with 413 because their body was over the door's limit")
			.register(meters);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long limit = (request.getRequestURI().startsWith("/integrations/") ? this.properties.integrations()
				: this.properties.publicDoors())
			.toBytes();
		if (request.getContentLengthLong() > limit) {
			this.refused.increment();
			Refusal.send(request, response, HttpStatus.CONTENT_TOO_LARGE,
					"the body is over " + limit + " bytes; nothing was submitted");
			return;
		}
		if (wildcardContentType(request)) {
			Refusal.send(request, response, HttpStatus.UNSUPPORTED_MEDIA_TYPE,
					"the Content-Type must name one type, not a range; nothing was submitted",
					new FieldProblem(HttpHeaders.CONTENT_TYPE, "must name one media type, such as application/json"));
			return;
		}
		if (!decodableForm(request)) {
			Refusal.send(request, response, HttpStatus.BAD_REQUEST,
					"a form field is not valid UTF-8; nothing was submitted");
			return;
		}
		chain.doFilter(new Bounded(request, limit), response);
	}

	/**
	 * A body of "any type" ({@code *}{@code /*}, {@code application/*}) is no type at
	 * all; Spring would fail on it rather than refuse it.
	 */
	private static boolean wildcardContentType(HttpServletRequest request) {
		String type = request.getContentType();
		if (type == null) {
			return false;
		}
		try {
			MediaType parsed = MediaType.parseMediaType(type);
			return parsed.isWildcardType() || parsed.isWildcardSubtype();
		}
		catch (InvalidMediaTypeException ex) {
			return false;
		}
	}

	/**
	 * Reads a posted form's fields now, so that one that is not valid UTF-8 is refused
	 * here: Tomcat would otherwise log its value, which may be a phone number.
	 */
	private static boolean decodableForm(HttpServletRequest request) {
		try {
			request.getParameterMap();
			return true;
		}
		catch (IllegalStateException ex) {
			return false;
		}
	}

	/** The body ran past its door's limit while being read. */
	static class TooLarge extends IOException {

		TooLarge(long limit) {
			super("the body is over " + limit + " bytes");
		}

	}

	private static final class Bounded extends HttpServletRequestWrapper {

		private final long limit;

		private ServletInputStream stream;

		Bounded(HttpServletRequest request, long limit) {
			super(request);
			this.limit = limit;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (this.stream == null) {
				this.stream = new Counting(super.getInputStream(), this.limit);
			}
			return this.stream;
		}

	}

	private static final class Counting extends ServletInputStream {

		private final ServletInputStream delegate;

		private final long limit;

		private long read;

		Counting(ServletInputStream delegate, long limit) {
			this.delegate = delegate;
			this.limit = limit;
		}

		@Override
		public int read() throws IOException {
			int b = this.delegate.read();
			count((b >= 0) ? 1 : 0);
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = this.delegate.read(buffer, offset, length);
			count(Math.max(n, 0));
			return n;
		}

		private void count(int n) throws TooLarge {
			this.read += n;
			if (this.read > this.limit) {
				throw new TooLarge(this.limit);
			}
		}

		@Override
		public boolean isFinished() {
			return this.delegate.isFinished();
		}

		@Override
		public boolean isReady() {
			return this.delegate.isReady();
		}

		@Override
		public void setReadListener(ReadListener listener) {
			this.delegate.setReadListener(listener);
		}

	}

}
