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
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bounds every request body before it is read: a declared length over the door's limit is
 * refused with 413 at once, and a body without a declared length stops being read at the
 * limit ({@link TooLarge}, answered 413 by {@link Problems}). A problem for the API,
 * integrations and webhooks; the clinic's page for the forms.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class BodyLimitFilter extends OncePerRequestFilter {

	private final BodyLimitProperties properties;

	private final Counter refused;

	BodyLimitFilter(BodyLimitProperties properties, MeterRegistry meters) {
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
			refuse(request, response, limit);
			return;
		}
		chain.doFilter(new Bounded(request, limit), response);
	}

	private static void refuse(HttpServletRequest request, HttpServletResponse response, long limit)
			throws IOException {
		String path = request.getRequestURI();
		if (!(path.startsWith("/api/") || path.startsWith("/integrations/") || path.startsWith("/twilio/"))) {
			response.sendError(HttpStatus.CONTENT_TOO_LARGE.value());
			return;
		}
		response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.getWriter()
			.write("{\"type\":\"about:blank\",\"title\":\"Content Too Large\",\"status\":413,"
					+ "\"detail\":\"the body is over " + limit + " bytes; nothing was submitted\"}");
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
