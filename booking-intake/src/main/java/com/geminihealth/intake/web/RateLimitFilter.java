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
 * One token bucket per client address (Resilience4j), for submissions only: a burst past
 * the allowance gets 429 with Retry-After (a problem for the API, a page for the forms),
 * and reading pages is never limited. Buckets of addresses gone quiet are forgotten.
 */
@Component
class RateLimitFilter extends OncePerRequestFilter {

	private final RateLimitProperties properties;

	private final LoadingCache<String, RateLimiter> limiters;

	private final Counter limited;

	RateLimitFilter(RateLimitProperties properties, MeterRegistry meters) {
		this.properties = properties;
		RateLimiterConfig config = RateLimiterConfig.custom()
			.limitForPeriod(properties.requests())
			.limitRefreshPeriod(properties.period())
			.timeoutDuration(Duration.ZERO)
			.build();
		this.limiters = Caffeine.newBuilder()
			.expireAfterAccess(properties.period().multipliedBy(2))
			.maximumSize(100_000)
			.build((address) -> RateLimiter.of(address, config));
		this.limited = Counter.builder("intake.rate.limited")
			.description("Submissions refused with 429 because one address sent too many")
			.register(meters);
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI();
		return !this.properties.enabled() || !"POST".equals(request.getMethod())
				|| !(path.startsWith("/api/") || path.equals("/book") || path.equals("/contact"));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		RateLimiter limiter = this.limiters.get(request.getRemoteAddr());
		if (limiter.acquirePermission()) {
			chain.doFilter(request, response);
			return;
		}
		this.limited.increment();
		long waitSeconds = Math.max(1, (long) Math.ceil(nanosToWait(limiter) / 1e9));
		response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(waitSeconds));
		Refusal.send(request, response, HttpStatus.TOO_MANY_REQUESTS,
				"too many submissions from this address; retry after " + waitSeconds + " s");
	}

	private long nanosToWait(RateLimiter limiter) {
		return (limiter instanceof AtomicRateLimiter atomic) ? atomic.getDetailedMetrics().getNanosToWait()
				: this.properties.period().toNanos();
	}

}
