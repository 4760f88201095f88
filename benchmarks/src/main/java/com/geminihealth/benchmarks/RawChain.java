package com.geminihealth.benchmarks;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The pipeline's hops as plain Kafka clients, for a baseline on the same broker: records
 * of a booking command's size are produced (acks=all, idempotent, as the intake does),
 * relayed by a consumer and producer to a "decision" topic, relayed again to a "notice"
 * topic, and read by a last consumer that stands for the provider. No parsing, no state,
 * no transactions (at-least-once, offsets committed after each poll): what the hops alone
 * cost.
 */
final class RawChain implements AutoCloseable {

	static final List<String> TOPICS = List.of("bench-raw-commands", "bench-raw-decisions", "bench-raw-notices");

	private final String bootstrap;

	private final byte[] value;

	private final AtomicLongArray ackedNanos;

	private final AtomicLongArray arrivedNanos;

	private final List<Thread> threads = new ArrayList<>();

	private final List<KafkaConsumer<byte[], byte[]>> consumers = new ArrayList<>();

	private final KafkaProducer<byte[], byte[]> source;

	private volatile boolean running = true;

	private int next;

	RawChain(String bootstrap, byte[] value, int capacity) throws Exception {
		this.bootstrap = bootstrap;
		this.value = value;
		this.ackedNanos = new AtomicLongArray(capacity);
		this.arrivedNanos = new AtomicLongArray(capacity);
		BenchmarkTopics.create(bootstrap, TOPICS);
		this.source = producer("bench-raw-source");
		relay(TOPICS.get(0), TOPICS.get(1), "bench-raw-decider");
		relay(TOPICS.get(1), TOPICS.get(2), "bench-raw-notifier");
		KafkaConsumer<byte[], byte[]> sink = consumer("bench-raw-provider");
		sink.subscribe(List.of(TOPICS.get(2)));
		start("bench-raw-provider", () -> {
			while (this.running) {
				for (ConsumerRecord<byte[], byte[]> record : sink.poll(Duration.ofMillis(100))) {
					int seq = ByteBuffer.wrap(record.key()).getInt();
					this.arrivedNanos.compareAndSet(seq, 0, System.nanoTime());
				}
				sink.commitAsync();
			}
		}, sink);
	}

	private void relay(String from, String to, String name) {
		KafkaConsumer<byte[], byte[]> consumer = consumer(name);
		// Not idempotent: on a broker loaded to a load average of 60, a relay's
		// idempotent
		// producer was once refused with an out-of-order sequence for good.
		KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
				this.bootstrap, ProducerConfig.CLIENT_ID_CONFIG, name, ProducerConfig.ACKS_CONFIG, "all",
				ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false, ProducerConfig.LINGER_MS_CONFIG, 1),
				new ByteArraySerializer(), new ByteArraySerializer());
		consumer.subscribe(List.of(from));
		start(name, () -> {
			try {
				while (this.running) {
					for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(100))) {
						producer.send(new ProducerRecord<>(to, null, record.key(), record.value(), record.headers()));
					}
					consumer.commitAsync();
				}
			}
			finally {
				producer.close(Duration.ofSeconds(5));
			}
		}, consumer);
	}

	private void start(String name, Runnable loop, KafkaConsumer<byte[], byte[]> consumer) {
		this.consumers.add(consumer);
		Thread thread = new Thread(() -> {
			try {
				loop.run();
			}
			catch (WakeupException ex) {
				// closing
			}
			finally {
				consumer.close(Duration.ofSeconds(5));
			}
		}, name);
		this.threads.add(thread);
		thread.start();
	}

	/**
	 * Sends {@code count} records one after another, as fast as the producer takes them;
	 * returns the nanoseconds from the first send to the last record's arrival at the
	 * end.
	 */
	long drain(int count) throws InterruptedException {
		int from = this.next;
		long start = System.nanoTime();
		for (int i = 0; i < count; i++) {
			send(from + i);
		}
		this.source.flush();
		awaitArrivals(from, count);
		return max(this.arrivedNanos, from, count) - start;
	}

	/**
	 * Sends {@code perSecond} records a second for {@code seconds}; returns, sorted, each
	 * one's nanoseconds from its acknowledgement to its arrival at the end.
	 */
	long[] steady(int perSecond, int seconds) throws InterruptedException {
		int from = this.next;
		int count = perSecond * seconds;
		long interval = TimeUnit.SECONDS.toNanos(1) / perSecond;
		long start = System.nanoTime();
		for (int i = 0; i < count; i++) {
			long due = start + i * interval;
			long wait;
			while ((wait = due - System.nanoTime()) > 0) {
				LockSupport.parkNanos(wait);
			}
			send(from + i);
		}
		this.source.flush();
		awaitArrivals(from, count);
		long[] latencies = new long[count];
		for (int i = 0; i < count; i++) {
			latencies[i] = this.arrivedNanos.get(from + i) - this.ackedNanos.get(from + i);
		}
		Arrays.sort(latencies);
		return latencies;
	}

	private void send(int seq) {
		this.next = Math.max(this.next, seq + 1);
		byte[] key = ByteBuffer.allocate(4).putInt(seq).array();
		this.source.send(new ProducerRecord<>(TOPICS.get(0), key, this.value), (metadata, exception) -> {
			if (exception == null) {
				this.ackedNanos.set(seq, System.nanoTime());
			}
		});
	}

	private void awaitArrivals(int from, int count) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
		for (int i = from; i < from + count; i++) {
			while (this.arrivedNanos.get(i) == 0) {
				if (System.nanoTime() > deadline) {
					throw new IllegalStateException("the raw chain lost record " + i);
				}
				Thread.sleep(5);
			}
		}
	}

	private static long max(AtomicLongArray values, int from, int count) {
		long max = Long.MIN_VALUE;
		for (int i = from; i < from + count; i++) {
			max = Math.max(max, values.get(i));
		}
		return max;
	}

	private KafkaProducer<byte[], byte[]> producer(String clientId) {
		return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrap,
				ProducerConfig.CLIENT_ID_CONFIG, clientId, ProducerConfig.ACKS_CONFIG, "all",
				ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true, ProducerConfig.LINGER_MS_CONFIG, 1),
				new ByteArraySerializer(), new ByteArraySerializer());
	}

	private KafkaConsumer<byte[], byte[]> consumer(String name) {
		return new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrap, ConsumerConfig.GROUP_ID_CONFIG,
						name + "-" + UUID.randomUUID(), ConsumerConfig.CLIENT_ID_CONFIG, name,
						ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest", ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
						false, ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
				new ByteArrayDeserializer(), new ByteArrayDeserializer());
	}

	@Override
	public void close() throws InterruptedException {
		this.running = false;
		this.source.close(Duration.ofSeconds(5));
		for (Thread thread : this.threads) {
			thread.join(10_000);
		}
	}

}
