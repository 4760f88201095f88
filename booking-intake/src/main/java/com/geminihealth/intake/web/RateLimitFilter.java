package com.geminihealth.intake.web;

import java.io.IOException;
import java.time.Duration;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Two token buckets per client address (Resilience4j): a small one for submissions to the
 * API and the forms, a generous one for reading pages and the API, enough for a person
 * and an answer page asking every second, not for a scraper. A burst past either gets 429
 * with Retry-After (a problem for the API, a page for the forms). Operations endpoints,
 * styles and scripts are not limited. Buckets of addresses gone quiet are forgotten.
 */
@Component
class RateLimitFilter extends OncePerRequestFilter {

	private final RateLimitProperties properties;

	private final LoadingCache<String, Buckets> buckets;

	private final Counter limitedSubmissions;

	private final Counter limitedReads;

	RateLimitFilter(RateLimitProperties properties, MeterRegistry meters) {
		this.properties = properties;
		RateLimiterConfig submissions = config(properties.requests(), properties.period());
		RateLimiterConfig reads = config(properties.reads(), properties.period());
		this.buckets = Caffeine.newBuilder()
			.expireAfterAccess(properties.period().multipliedBy(2))
			.maximumSize(100_000)
			.build((address) -> new Buckets(RateLimiter.of(address, submissions), RateLimiter.of(address, reads)));
		this.limitedSubmissions = counter(meters, "submission");
		this.limitedReads = counter(meters, "read");
	}

	private static RateLimiterConfig config(int limit, Duration period) {
		return RateLimiterConfig.custom()
			.limitForPeriod(limit)
			.limitRefreshPeriod(period)
			.timeoutDuration(Duration.ZERO)
			.build();
	}

	private static Counter counter(MeterRegistry meters, String kind) {
		return Counter.builder("intake.rate.limited")
			.description("Requests refused with 429 because one address sent too many")
			.tag("kind", kind)
			.register(meters);
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !this.properties.enabled() || !(submission(request) || read(request));
	}

	private static boolean submission(HttpServletRequest request) {
		String path = request.getRequestURI();
		return "POST".equals(request.getMethod()) && (path.startsWith("/api/") || path.equals("/book")
				|| path.equals("/contact") || path.startsWith("/m/") || path.equals("/waitlist")
				|| path.startsWith("/waitlist/") || path.startsWith("/feedback/"));
	}

	private static boolean read(HttpServletRequest request) {
		String path = request.getRequestURI();
		return "GET".equals(request.getMethod()) && !path.startsWith("/actuator/") && !path.equals("/livez")
				&& !path.equals("/readyz") && !path.endsWith(".css") && !path.endsWith(".js")
				&& !path.equals("/favicon.ico");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Buckets buckets = this.buckets.get(request.getRemoteAddr());
		boolean submission = submission(request);
		RateLimiter limiter = submission ? buckets.submissions() : buckets.reads();
		if (limiter.acquirePermission()) {
			chain.doFilter(request, response);
			return;
		}
		(submission ? this.limitedSubmissions : this.limitedReads).increment();
		long waitSeconds = Math.max(1, (long) Math.ceil(nanosToWait(limiter) / 1e9));
		response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(waitSeconds));
		Refusal.send(request, response, HttpStatus.TOO_MANY_REQUESTS, "too many "
				+ (submission ? "submissions" : "requests") + " from this address; retry after " + waitSeconds + " s");
	}

	private long nanosToWait(RateLimiter limiter) {
		return (limiter instanceof AtomicRateLimiter atomic) ? atomic.getDetailedMetrics().getNanosToWait()
				: this.properties.period().toNanos();
	}

	private record Buckets(RateLimiter submissions, RateLimiter reads) {
	}

}
