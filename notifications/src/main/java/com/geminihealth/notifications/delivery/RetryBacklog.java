package com.geminihealth.notifications.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;

import org.springframework.stereotype.Component;

import com.geminihealth.schemas.reminder.Channel;

/**
 * The messages waiting on the retry stream that this instance reads, and since when each
 * first failed: how many wait, how long the oldest has, and how many expired, per
 * channel. Built from the retry records themselves, so an instance that takes the retry
 * stream over after a restart knows its backlog as soon as it reads it.
 */
@Component
public class RetryBacklog {

	private record Waiting(Channel channel, Instant since) {
	}

	private final Map<String, Waiting> waiting = new ConcurrentHashMap<>();

	private final MeterRegistry meters;

	private final Clock clock;

	RetryBacklog(MeterRegistry meters, Clock clock) {
		this.meters = meters;
		this.clock = clock;
		for (Channel channel : Channel.values()) {
			Gauge.builder("notifications.retry.waiting", () -> count(channel))
				.description("messages waiting on the retry stream for their next attempt")
				.tag("channel", channel.name())
				.register(meters);
			TimeGauge
				.builder("notifications.retry.oldest.wait", () -> oldestWait(channel).toMillis(), TimeUnit.MILLISECONDS)
				.description("how long the message waiting longest has been failing")
				.tag("channel", channel.name())
				.register(meters);
		}
	}

	void waiting(String notificationId, Channel channel, Instant since) {
		this.waiting.putIfAbsent(notificationId, new Waiting(channel, since));
	}

	void settled(String notificationId) {
		this.waiting.remove(notificationId);
	}

	void expired(String notificationId, Channel channel) {
		settled(notificationId);
		this.meters.counter("notifications.expired", "channel", channel.name()).increment();
	}

	public long count(Channel channel) {
		return this.waiting.values().stream().filter((entry) -> entry.channel() == channel).count();
	}

	public Duration oldestWait(Channel channel) {
		Instant now = this.clock.instant();
		return this.waiting.values()
			.stream()
			.filter((entry) -> entry.channel() == channel)
			.map(Waiting::since)
			.min(Instant::compareTo)
			.map((since) -> Duration.between(since, now))
			.orElse(Duration.ZERO);
	}

}
