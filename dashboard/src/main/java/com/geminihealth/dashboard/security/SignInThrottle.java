package com.geminihealth.dashboard.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed sign-ins per user name and per client address. After {@code failures} of them
 * within {@code window}, that user or address is refused for {@code window}, counted from
 * the failure that reached the limit. Kept in this instance's memory: an attacker spread
 * over instances gets the limit once per instance, still a few guesses an hour.
 */
final class SignInThrottle {

	/** Past this many users and addresses, those whose window has passed are dropped. */
	private static final int PRUNE_ABOVE = 10_000;

	private final int failures;

	private final Duration window;

	private final Clock clock;

	private final Map<String, Failures> byKey = new ConcurrentHashMap<>();

	SignInThrottle(SecurityProperties.Throttle settings, Clock clock) {
		this.failures = settings.failures();
		this.window = settings.window();
		this.clock = clock;
	}

	/** Whether this user, or anyone from this address, must wait before trying again. */
	boolean refuses(String user, String address) {
		Instant now = this.clock.instant();
		return refuses(userKey(user), now) || (address != null && refuses(addressKey(address), now));
	}

	void failed(String user, String address) {
		Instant now = this.clock.instant();
		count(userKey(user), now);
		if (address != null) {
			count(addressKey(address), now);
		}
		if (this.byKey.size() > PRUNE_ABOVE) {
			this.byKey.values().removeIf((failures) -> failures.over(now, this.window));
		}
	}

	/**
	 * A user who signed in starts afresh; their address does not, as it may be shared.
	 */
	void succeeded(String user) {
		this.byKey.remove(userKey(user));
	}

	private boolean refuses(String key, Instant now) {
		Failures counted = this.byKey.get(key);
		return counted != null && counted.count() >= this.failures && !counted.over(now, this.window);
	}

	private void count(String key, Instant now) {
		this.byKey.compute(key, (k, counted) -> {
			if (counted == null || counted.over(now, this.window)) {
				return new Failures(1, now);
			}
			int count = counted.count() + 1;
			return new Failures(count, (count == this.failures) ? now : counted.since());
		});
	}

	private static String userKey(String user) {
		// user names are found whatever their case, so they are counted so too
		return "user:" + ((user != null) ? user.toLowerCase(Locale.ROOT) : "");
	}

	private static String addressKey(String address) {
		return "address:" + address;
	}

	private record Failures(int count, Instant since) {

		boolean over(Instant now, Duration window) {
			return !now.isBefore(this.since.plus(window));
		}

	}

}
