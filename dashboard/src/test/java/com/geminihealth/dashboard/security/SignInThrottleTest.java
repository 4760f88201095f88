package com.geminihealth.dashboard.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SignInThrottleTest {

	Instant now = Instant.parse("2026-12-07T14:00:00Z");

	final SignInThrottle throttle = new SignInThrottle(new SecurityProperties.Throttle(5, Duration.ofMinutes(15)),
			new Clock() {

				@Override
				public Instant instant() {
					return SignInThrottleTest.this.now;
				}

				@Override
				public ZoneId getZone() {
					return ZoneOffset.UTC;
				}

				@Override
				public Clock withZone(ZoneId zone) {
					return this;
				}

			});

	@Test
	void refusesAUserAfterFiveFailuresFromAnywhereForFifteenMinutes() {
		for (int i = 1; i <= 4; i++) {
			this.throttle.failed("reception", "192.0.2." + i);
			assertThat(this.throttle.refuses("reception", "198.51.100.1")).as("after %d failures", i).isFalse();
		}
		this.throttle.failed("Reception", "192.0.2.5");
		assertThat(this.throttle.refuses("reception", "198.51.100.1")).isTrue();
		assertThat(this.throttle.refuses("manager", "198.51.100.1")).isFalse();

		later(Duration.ofMinutes(14));
		assertThat(this.throttle.refuses("reception", "198.51.100.1")).isTrue();
		later(Duration.ofMinutes(1));
		assertThat(this.throttle.refuses("reception", "198.51.100.1")).isFalse();
	}

	@Test
	void refusesAnAddressAfterFiveFailuresWhateverTheUserNames() {
		for (int i = 1; i <= 5; i++) {
			this.throttle.failed("guess" + i, "203.0.113.9");
		}
		assertThat(this.throttle.refuses("reception", "203.0.113.9")).isTrue();
		assertThat(this.throttle.refuses("reception", "198.51.100.1")).isFalse();
	}

	@Test
	void countsOnlyFailuresWithinFifteenMinutesOfEachOther() {
		for (int i = 1; i <= 4; i++) {
			this.throttle.failed("reception", null);
			later(Duration.ofMinutes(4));
		}
		this.throttle.failed("reception", null);
		assertThat(this.throttle.refuses("reception", null)).as("five failures over sixteen minutes").isFalse();
	}

	@Test
	void forgetsAUsersFailuresOnceTheySignInButNotTheirAddress() {
		for (int i = 1; i <= 4; i++) {
			this.throttle.failed("reception", "203.0.113.9");
		}
		this.throttle.succeeded("reception");
		this.throttle.failed("reception", "203.0.113.9");
		assertThat(this.throttle.refuses("reception", "198.51.100.1")).isFalse();
		assertThat(this.throttle.refuses("manager", "203.0.113.9")).isTrue();
	}

	private void later(Duration duration) {
		this.now = this.now.plus(duration);
	}

}
