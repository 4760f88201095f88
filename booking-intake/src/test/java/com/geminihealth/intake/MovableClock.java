package com.geminihealth.intake;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.context.annotation.Primary;

/**
 * The intake's clock in the tests: the system's, until a test moves it on to see what a
 * patient sees later (a session over, a week gone by), and back after. It keeps ticking
 * wherever it is. The decider judges by the broker's time, which no test moves.
 */
@TestComponent
@Primary
public class MovableClock extends Clock {

	private final AtomicReference<Duration> ahead = new AtomicReference<>(Duration.ZERO);

	/** From now on, the time is {@code then}, and goes on from there. */
	public void moveTo(Instant then) {
		this.ahead.set(Duration.between(Instant.now(), then));
	}

	/** Back to the system's time. */
	public void reset() {
		this.ahead.set(Duration.ZERO);
	}

	@Override
	public Instant instant() {
		return Instant.now().plus(this.ahead.get());
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		MovableClock moved = this;
		return new Clock() {

			@Override
			public Instant instant() {
				return moved.instant();
			}

			@Override
			public ZoneId getZone() {
				return zone;
			}

			@Override
			public Clock withZone(ZoneId other) {
				return moved.withZone(other);
			}

		};
	}

}
