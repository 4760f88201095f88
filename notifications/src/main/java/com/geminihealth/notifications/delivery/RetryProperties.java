package com.geminihealth.notifications.delivery;

import java.time.Duration;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How a message that failed for a passing reason is tried again: after
 * {@code firstDelay}, then {@code multiplier} times longer each time up to
 * {@code maxDelay}, {@code attempts} times in all.
 *
 * @param firstDelay the wait before the second attempt
 * @param multiplier how much longer each later wait is
 * @param maxDelay the longest wait
 * @param attempts attempts in all, the first included
 */
@ConfigurationProperties("notifications.retry")
@Validated
public record RetryProperties(@DefaultValue("1s") Duration firstDelay, @DefaultValue("2") double multiplier,
		@DefaultValue("30s") Duration maxDelay, @DefaultValue("6") @Min(1) int attempts) {

	/** The wait after the {@code failed}-th failed attempt. */
	Duration delayAfter(int failed) {
		double millis = this.firstDelay.toMillis() * Math.pow(this.multiplier, failed - 1);
		return Duration.ofMillis((long) Math.min(millis, this.maxDelay.toMillis()));
	}

}
