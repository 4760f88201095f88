package com.geminihealth.intake.ledger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.stereotype.Component;

import com.geminihealth.platform.EventPublisher;
import com.geminihealth.schemas.Topic;
import com.geminihealth.schemas.intake.Digest;

/**
 * Makes {@link Ledger}s that read with the application's Kafka connection settings and
 * write with its publisher.
 */
@Component
public class Ledgers {

	/** How long a request waits for a ledger to catch up before it is answered 503. */
	static final Duration PATIENCE = Duration.ofSeconds(10);

	private final Map<String, Object> consumerConfig;

	private final EventPublisher publisher;

	private final Clock clock;

	Ledgers(ConsumerFactory<?, ?> consumerFactory, EventPublisher publisher, Clock clock) {
		this.consumerConfig = new HashMap<>(consumerFactory.getConfigurationProperties());
		// Each instance reads every partition itself: no group, nothing committed.
		this.consumerConfig.remove(ConsumerConfig.GROUP_ID_CONFIG);
		this.consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		this.consumerConfig.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		this.publisher = publisher;
		this.clock = clock;
	}

	/** A ledger whose {@link Ledger#append} reads its entry back as soon as it can. */
	public <V> Ledger<V> of(Topic<Digest, V> topic, Function<V, Instant> expiry, Duration lifetime) {
		return of(topic, expiry, lifetime, Duration.ZERO);
	}

	/**
	 * A ledger that reads what other instances write in batches, up to {@code batching}
	 * late: for one that instances {@link Ledger#record record} in without waiting, so
	 * that a busy door costs the broker a few fetches a second rather than one per
	 * request.
	 */
	public <V> Ledger<V> of(Topic<Digest, V> topic, Function<V, Instant> expiry, Duration lifetime, Duration batching) {
		Map<String, Object> config = new HashMap<>(this.consumerConfig);
		if (!batching.isZero()) {
			config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, (int) batching.toMillis());
			config.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, 1024 * 1024);
		}
		// Unique in the JVM, where tests run several instances.
		config.put(ConsumerConfig.CLIENT_ID_CONFIG,
				"booking-intake-ledger-" + topic.name() + "-" + UUID.randomUUID().toString().substring(0, 8));
		return new Ledger<>(topic, expiry, lifetime,
				() -> new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer()),
				this.publisher, this.clock, PATIENCE);
	}

}
