package com.geminihealth.platform;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * The producer's timeouts, derived from the one time a caller waits, so that when the
 * caller stops waiting the producer has already given up on the record: a caller told
 * "not acknowledged" can tell its own client "nothing was accepted" and mean it. Without
 * this the producer keeps retrying for its default two minutes, and a booking answered
 * 503 lands after all.
 * <p>
 * A send first waits up to {@code max.block.ms} for metadata and buffer space, then the
 * record has {@code delivery.timeout.ms} to be acknowledged; both fit in the wait with a
 * tenth to spare for scheduling. Each request may take half the delivery time (after the
 * linger), so that a request to a broker that hangs leaves room for one more try on the
 * partition's new leader.
 *
 * @param callerWait the longest a caller waits for an acknowledgement
 * @param maxBlock how long a send may block for metadata or buffer space
 * @param deliveryTimeout how long the producer tries to deliver a record
 * @param requestTimeout how long one produce request may take
 * @param linger how long a record may wait for its batch to fill
 */
record PublishTimeouts(Duration callerWait, Duration maxBlock, Duration deliveryTimeout, Duration requestTimeout,
		Duration linger) {

	/** The shortest wait that leaves each produce request a useful time. */
	static final Duration SHORTEST_WAIT = Duration.ofSeconds(1);

	private static final String[] DERIVED = { ProducerConfig.MAX_BLOCK_MS_CONFIG,
			ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG };

	PublishTimeouts {
		if (maxBlock.plus(deliveryTimeout).compareTo(callerWait) >= 0) {
			throw new IllegalStateException("The producer would keep trying after its caller stopped waiting: "
					+ "max.block.ms + delivery.timeout.ms must be shorter than " + callerWait);
		}
		if (linger.plus(requestTimeout).compareTo(deliveryTimeout) > 0) {
			throw new IllegalStateException("linger.ms + request.timeout.ms must not exceed delivery.timeout.ms");
		}
	}

	/**
	 * The timeouts for a caller that waits {@code wait}, with the producer's linger from
	 * {@code producerConfig}.
	 * @throws IllegalStateException if the wait is too short for the linger, or if the
	 * configuration sets a timeout of its own that differs from the derived one: set
	 * {@code pipeline.publishing.ack-timeout} instead
	 */
	static PublishTimeouts derive(Duration wait, Map<String, Object> producerConfig) {
		if (wait.compareTo(SHORTEST_WAIT) < 0) {
			throw new IllegalStateException(
					"pipeline.publishing.ack-timeout must be at least " + SHORTEST_WAIT + ", was " + wait);
		}
		Duration linger = Duration.ofMillis(millis(producerConfig.get(ProducerConfig.LINGER_MS_CONFIG), 5));
		Duration maxBlock = wait.dividedBy(5);
		Duration deliveryTimeout = wait.multipliedBy(7).dividedBy(10);
		Duration requestTimeout = deliveryTimeout.minus(linger).dividedBy(2);
		if (requestTimeout.compareTo(Duration.ofMillis(200)) < 0) {
			throw new IllegalStateException("linger.ms " + linger.toMillis()
					+ " leaves produce requests no time within pipeline.publishing.ack-timeout " + wait);
		}
		PublishTimeouts timeouts = new PublishTimeouts(wait, maxBlock, deliveryTimeout, requestTimeout, linger);
		timeouts.refuseOtherSettings(producerConfig);
		return timeouts;
	}

	/** The settings to put on top of the producer's configuration. */
	Map<String, Object> producerSettings() {
		Map<String, Object> settings = new LinkedHashMap<>();
		settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, this.maxBlock.toMillis());
		settings.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) this.deliveryTimeout.toMillis());
		settings.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) this.requestTimeout.toMillis());
		return settings;
	}

	/**
	 * A timeout set by hand beside the wait is the drift this class exists to prevent;
	 * one equal to the derived value is harmless.
	 */
	private void refuseOtherSettings(Map<String, Object> producerConfig) {
		Map<String, Object> derived = producerSettings();
		for (String name : DERIVED) {
			Object configured = producerConfig.get(name);
			if (configured != null && millis(configured, -1) != ((Number) derived.get(name)).longValue()) {
				throw new IllegalStateException(
						name + " is derived from pipeline.publishing.ack-timeout (" + this.callerWait + " gives "
								+ derived.get(name) + "); remove the setting " + name + "=" + configured);
			}
		}
	}

	private static long millis(Object value, long absent) {
		if (value == null) {
			return absent;
		}
		if (value instanceof Number number) {
			return number.longValue();
		}
		if (value instanceof Duration duration) {
			return duration.toMillis();
		}
		return Long.parseLong(value.toString().strip());
	}

}
