package com.geminihealth.intake.ledger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

import com.geminihealth.platform.EventPublisher;
import com.geminihealth.schemas.Topic;
import com.geminihealth.schemas.intake.Digest;

/**
 * A topic of booking intake's own state that every instance reads in full, in the order
 * the broker keeps it, from as far back as an entry can still be alive. It is how
 * instances agree without talking to each other: {@link #append} returns only once this
 * instance has read its entry back, so the entries it then returns for the key are every
 * entry any instance wrote before, in the same order every instance sees them (one key
 * lives on one partition).
 * <p>
 * An entry may also be {@link #record recorded} without waiting for it: this instance
 * counts it at once, others once it reaches them.
 * <p>
 * Entries are held in memory until they expire; a day of a clinic's public requests is a
 * few thousand small records.
 *
 * @param <V> the entries
 */
public class Ledger<V> implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(Ledger.class);

	private static final Duration POLL = Duration.ofMillis(500);

	private static final Duration PRUNE_EVERY = Duration.ofMinutes(1);

	/** The offset of an entry this instance recorded and has not read back yet. */
	private static final long PENDING = Long.MAX_VALUE;

	private final Topic<Digest, V> topic;

	private final Function<V, Instant> expiry;

	private final Duration lifetime;

	private final Supplier<Consumer<byte[], byte[]>> consumers;

	private final EventPublisher publisher;

	private final Clock clock;

	private final Duration patience;

	private final Map<Digest, List<Entry<V>>> entries = new ConcurrentHashMap<>();

	/** Guards {@link #positions} and {@link #ready}; notified after each poll. */
	private final Object progress = new Object();

	private final Map<TopicPartition, Long> positions = new HashMap<>();

	private boolean ready;

	private volatile boolean running;

	private volatile Consumer<byte[], byte[]> consumer;

	private Thread reader;

	/**
	 * @param topic the topic, keyed by digests
	 * @param expiry when an entry stops counting
	 * @param lifetime the longest an entry lives: how far back reading starts
	 * @param consumers new consumers of raw bytes, assigned here, never in a group
	 * @param publisher writes the entries
	 * @param clock says when entries expire
	 * @param patience how long a caller waits for the ledger to catch up before giving up
	 */
	public Ledger(Topic<Digest, V> topic, Function<V, Instant> expiry, Duration lifetime,
			Supplier<Consumer<byte[], byte[]>> consumers, EventPublisher publisher, Clock clock, Duration patience) {
		this.topic = topic;
		this.expiry = expiry;
		this.lifetime = lifetime;
		this.consumers = consumers;
		this.publisher = publisher;
		this.clock = clock;
		this.patience = patience;
	}

	/**
	 * The live entries of {@code key}, first written first, as far as this instance has
	 * read; waits for the entries written before it started.
	 */
	public List<V> entries(Digest key) {
		awaitReady();
		return live(key, Long.MAX_VALUE);
	}

	/**
	 * Writes {@code value} under {@code key} and returns the live entries of the key up
	 * to and including it, first written first: the same list, in the same order, that
	 * any instance would return for it.
	 */
	public List<V> append(Digest key, V value) {
		awaitReady();
		EventPublisher.Acknowledged written = this.publisher.publish(this.topic, key, value);
		TopicPartition partition = new TopicPartition(written.topic(), written.partition());
		awaitRead(partition, written.offset());
		return live(key, written.offset());
	}

	/**
	 * Writes {@code value} under {@code key} without waiting: it is among this instance's
	 * {@link #entries} at once, last, and takes its place in the broker's order when it
	 * is read back. If Kafka refuses it, it is dropped again.
	 */
	public void record(Digest key, V value) {
		awaitReady();
		Entry<V> pending = new Entry<>(PENDING, value);
		this.entries.compute(key, (k, list) -> appended(list, pending));
		this.publisher.send(this.topic, key, value).whenComplete((written, failure) -> {
			if (failure != null) {
				this.entries.computeIfPresent(key, (k, list) -> without(list, pending));
			}
		});
	}

	private List<V> live(Digest key, long upToOffset) {
		Instant now = this.clock.instant();
		List<V> live = new ArrayList<>();
		for (Entry<V> entry : this.entries.getOrDefault(key, List.of())) {
			if (entry.offset() <= upToOffset && this.expiry.apply(entry.value()).isAfter(now)) {
				live.add(entry.value());
			}
		}
		return live;
	}

	private void awaitReady() {
		synchronized (this.progress) {
			await(() -> this.ready);
		}
	}

	private void awaitRead(TopicPartition partition, long offset) {
		synchronized (this.progress) {
			await(() -> this.positions.getOrDefault(partition, -1L) > offset);
		}
	}

	/**
	 * Waits, holding {@link #progress}, until {@code done}; at most {@link #patience}.
	 */
	private void await(BooleanSupplier done) {
		long deadline = System.nanoTime() + this.patience.toNanos();
		try {
			while (!done.getAsBoolean()) {
				long left = deadline - System.nanoTime();
				if (left <= 0) {
					throw new Unavailable(this.topic.name());
				}
				this.progress.wait(Math.max(1, left / 1_000_000));
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new Unavailable(this.topic.name());
		}
	}

	@Override
	public void start() {
		this.running = true;
		this.reader = new Thread(this::read, "ledger-" + this.topic.name());
		this.reader.setDaemon(true);
		this.reader.start();
	}

	@Override
	public void stop() {
		this.running = false;
		Consumer<byte[], byte[]> current = this.consumer;
		if (current != null) {
			current.wakeup();
		}
		try {
			this.reader.join(POLL.multipliedBy(4).toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	private void read() {
		while (this.running) {
			try (Consumer<byte[], byte[]> reading = this.consumers.get()) {
				this.consumer = reading;
				follow(reading);
			}
			catch (WakeupException ex) {
				// stopping
			}
			catch (RuntimeException ex) {
				// Keys are digests and values hold no personal data: the message is safe.
				logger.warn("Reading {} failed; starting again", this.topic.name(), ex);
				this.entries.clear();
				synchronized (this.progress) {
					this.ready = false;
					this.positions.clear();
				}
			}
		}
	}

	private void follow(Consumer<byte[], byte[]> reading) {
		List<TopicPartition> partitions = reading.partitionsFor(this.topic.name(), Duration.ofSeconds(30))
			.stream()
			.map((info) -> new TopicPartition(info.topic(), info.partition()))
			.toList();
		if (partitions.isEmpty()) {
			throw new IllegalStateException(this.topic.name() + " has no partitions");
		}
		reading.assign(partitions);
		long oldestAlive = this.clock.millis() - this.lifetime.toMillis();
		Map<TopicPartition, Long> since = new HashMap<>();
		partitions.forEach((partition) -> since.put(partition, oldestAlive));
		Map<TopicPartition, OffsetAndTimestamp> starts = reading.offsetsForTimes(since);
		for (TopicPartition partition : partitions) {
			OffsetAndTimestamp start = starts.get(partition);
			if (start != null) {
				reading.seek(partition, start.offset());
			}
			else {
				reading.seekToEnd(List.of(partition));
			}
		}
		Map<TopicPartition, Long> endsAtStart = reading.endOffsets(partitions);
		Instant nextPrune = this.clock.instant().plus(PRUNE_EVERY);
		while (this.running) {
			for (ConsumerRecord<byte[], byte[]> record : reading.poll(POLL)) {
				apply(record);
			}
			synchronized (this.progress) {
				for (TopicPartition partition : partitions) {
					this.positions.put(partition, reading.position(partition));
				}
				this.ready = this.ready || endsAtStart.entrySet()
					.stream()
					.allMatch((end) -> this.positions.get(end.getKey()) >= end.getValue());
				this.progress.notifyAll();
			}
			if (this.clock.instant().isAfter(nextPrune)) {
				prune();
				nextPrune = this.clock.instant().plus(PRUNE_EVERY);
			}
		}
	}

	private void apply(ConsumerRecord<byte[], byte[]> record) {
		Digest key;
		V value;
		try {
			key = this.topic.keySerde().deserializer().deserialize(record.topic(), record.key());
			value = this.topic.valueSerde()
				.deserializer()
				.deserialize(record.topic(), record.headers(), record.value());
		}
		catch (RuntimeException ex) {
			logger.warn("Skipped an unreadable record at {}-{}@{}", record.topic(), record.partition(),
					record.offset());
			return;
		}
		if (key == null || value == null) {
			return;
		}
		Entry<V> entry = new Entry<>(record.offset(), value);
		this.entries.compute(key, (k, list) -> appended(without(list, new Entry<>(PENDING, value)), entry));
	}

	private static <V> List<Entry<V>> appended(List<Entry<V>> list, Entry<V> entry) {
		List<Entry<V>> longer = (list != null) ? new ArrayList<>(list) : new ArrayList<>(1);
		longer.add(entry);
		return List.copyOf(longer);
	}

	/**
	 * The list without its first entry equal to {@code entry}; null when that empties it.
	 */
	private static <V> List<Entry<V>> without(List<Entry<V>> list, Entry<V> entry) {
		if (list == null || !list.contains(entry)) {
			return list;
		}
		List<Entry<V>> shorter = new ArrayList<>(list);
		shorter.remove(entry);
		return shorter.isEmpty() ? null : List.copyOf(shorter);
	}

	private void prune() {
		Instant now = this.clock.instant();
		this.entries.replaceAll(
				(key, list) -> list.stream().filter((entry) -> this.expiry.apply(entry.value()).isAfter(now)).toList());
		this.entries.values().removeIf(List::isEmpty);
	}

	private record Entry<V>(long offset, V value) {
	}

	/** The ledger is not caught up: the caller cannot decide yet, and should retry. */
	@ResponseStatus(HttpStatus.SERVICE_UNAVAILABLE)
	public static class Unavailable extends RuntimeException {

		Unavailable(String topic) {
			super(topic + " is not read up to date yet");
		}

	}

}
