package com.geminihealth.dashboard.security;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Every sign-in, by form or HTTP basic, through the throttle: a user or address with too
 * many recent failures is refused before its password is looked at, so guessing costs the
 * wait. Operators chart {@code dashboard.sign-in.failures} by reason.
 */
final class ThrottledSignIn implements AuthenticationProvider {

	private final AuthenticationProvider passwords;

	private final SignInThrottle throttle;

	private final Counter wrongPasswords;

	private final Counter throttled;

	ThrottledSignIn(AuthenticationProvider passwords, SignInThrottle throttle, MeterRegistry meters) {
		this.passwords = passwords;
		this.throttle = throttle;
		this.wrongPasswords = failures("wrong-password", meters);
		this.throttled = failures("throttled", meters);
	}

	private static Counter failures(String reason, MeterRegistry meters) {
		return Counter.builder("dashboard.sign-in.failures")
			.description("Sign-ins refused: a wrong user name or password, or too many of those lately")
			.tag("reason", reason)
			.register(meters);
	}

	@Override
	public Authentication authenticate(Authentication attempt) {
		String user = attempt.getName();
		// the socket's peer: the dashboard reads no forwarding headers
		String address = (attempt.getDetails() instanceof WebAuthenticationDetails details) ? details.getRemoteAddress()
				: null;
		if (this.throttle.refuses(user, address)) {
			this.throttled.increment();
			throw new TooManyFailedSignIns();
		}
		try {
			Authentication signedIn = this.passwords.authenticate(attempt);
			this.throttle.succeeded(user);
			return signedIn;
		}
		catch (BadCredentialsException ex) {
			this.throttle.failed(user, address);
			this.wrongPasswords.increment();
			throw ex;
		}
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return this.passwords.supports(authentication);
	}

}
