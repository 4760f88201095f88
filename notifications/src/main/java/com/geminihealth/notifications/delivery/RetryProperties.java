package com.geminihealth.notifications.delivery;

import java.time.Duration;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How a message that failed for a passing reason is tried again: after
 * {@code firstDelay}, then {@code multiplier} times longer each time up to
 * {@code maxDelay}, until its horizon: the moment it would be useless (an appointment's
 * start, for a message about an appointment still to come), and never later than
 * {@code ceiling} after its first failure. Outages of hours are ridden out; a message
 * whose horizon passes fails as expired.
 *
 * @param firstDelay the wait before the second attempt
 * @param multiplier how much longer each later wait is
 * @param maxDelay the longest wait, so that a provider back after an outage is used
 * within that long
 * @param ceiling the longest a message is retried after its first failure
 * @param attempts attempts in all, the first included; by default unlimited, the horizon
 * alone ends the retries
 * @param recheck the longest a partition waiting for its next retry stays paused before
 * the retry's due time is looked at again, so that a clock set forward is noticed
 */
@ConfigurationProperties("notifications.retry")
@Validated
public record RetryProperties(@DefaultValue("1s") Duration firstDelay, @DefaultValue("2") double multiplier,
		@DefaultValue("15m") Duration maxDelay, @DefaultValue("24h") Duration ceiling,
		@DefaultValue("2147483647") @Min(1) int attempts, @DefaultValue("30s") Duration recheck) {

	/** The wait after the {@code failed}-th failed attempt. */
	Duration delayAfter(int failed) {
		double millis = this.firstDelay.toMillis() * Math.pow(this.multiplier, Math.min(failed - 1, 62));
		return Duration.ofMillis((long) Math.min(millis, this.maxDelay.toMillis()));
	}

}
