package com.geminihealth.notifications.delivery;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.KafkaAdmin;

import com.geminihealth.schemas.Topic;

/**
 * A compacted topic read as a table by this instance on its own: every partition, from
 * the start to its end before any listener starts, then followed live on a thread of its
 * own. There is no consumer group, so every instance holds the whole table (a group would
 * share the partitions out) and nothing is committed. Whoever must not act on a stale
 * table waits until it has read up to offsets they name, see {@link CurrentTables}.
 *
 * @param <K> the key
 * @param <V> the value, null for a tombstone
 */
public abstract class TopicTable<K, V> implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(TopicTable.class);

	/** Before the listener containers, which must not start on an empty table. */
	private static final int PHASE = 0;

	private static final Duration TOPIC_WAIT = Duration.ofSeconds(60);

	private final Map<String, Object> clientConfig;

	private final Topic<K, V> topic;

	/** How far this table has read each partition: the next offset it will read. */
	private final Map<TopicPartition, Long> positions = new ConcurrentHashMap<>();

	private final Object progress = new Object();

	private volatile KafkaConsumer<K, V> consumer;

	private volatile Thread follower;

	private volatile boolean running;

	protected TopicTable(KafkaAdmin admin, Topic<K, V> topic) {
		this.clientConfig = admin.getConfigurationProperties();
		this.topic = topic;
	}

	/** Takes one record (its value null for a tombstone) into the table. */
	protected abstract void apply(ConsumerRecord<K, V> record);

	public Topic<K, V> topic() {
		return this.topic;
	}

	/** Every partition of the topic, as found at start. */
	public List<TopicPartition> partitions() {
		return List.copyOf(this.positions.keySet());
	}

	/**
	 * Waits until this table has read every partition up to {@code ends} (offsets to read
	 * up to, exclusive); false if it has not after {@code timeout}.
	 */
	public boolean awaitReadUpTo(Map<TopicPartition, Long> ends, Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		synchronized (this.progress) {
			while (!readUpTo(ends)) {
				long left = deadline - System.nanoTime();
				if (left <= 0 || !this.running) {
					return false;
				}
				this.progress.wait(Math.max(1, left / 1_000_000));
			}
			return true;
		}
	}

	private boolean readUpTo(Map<TopicPartition, Long> ends) {
		return ends.entrySet()
			.stream()
			.filter((end) -> end.getKey().topic().equals(this.topic.name()))
			.allMatch((end) -> this.positions.getOrDefault(end.getKey(), 0L) >= end.getValue());
	}

	/**
	 * Reads the whole topic, then starts following it. Runs after the topics were
	 * declared (a fresh broker has them only then) and before the listeners start.
	 */
	@Override
	public void start() {
		Map<String, Object> config = new HashMap<>(this.clientConfig);
		config.remove(ConsumerConfig.GROUP_ID_CONFIG);
		config.put(ConsumerConfig.CLIENT_ID_CONFIG, this.topic.name() + "-table-" + UUID.randomUUID());
		config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		KafkaConsumer<K, V> reader = new KafkaConsumer<>(config, this.topic.keySerde().deserializer(),
				this.topic.valueSerde().deserializer());
		List<TopicPartition> partitions = partitionsOf(reader);
		reader.assign(partitions);
		reader.seekToBeginning(partitions);
		partitions.forEach((partition) -> this.positions.put(partition, 0L));
		Map<TopicPartition, Long> ends = reader.endOffsets(partitions);
		this.consumer = reader;
		this.running = true;
		while (!readUpTo(ends)) {
			pollOnce();
		}
		logger.info("Read {} up to {}", this.topic.name(), ends.values());
		this.follower = new Thread(this::follow, this.topic.name() + "-table");
		this.follower.setDaemon(true);
		this.follower.start();
	}

	private List<TopicPartition> partitionsOf(KafkaConsumer<K, V> reader) {
		long deadline = System.nanoTime() + TOPIC_WAIT.toNanos();
		while (true) {
			List<TopicPartition> partitions = reader.partitionsFor(this.topic.name())
				.stream()
				.map((info) -> new TopicPartition(info.topic(), info.partition()))
				.toList();
			if (!partitions.isEmpty()) {
				return partitions;
			}
			if (System.nanoTime() > deadline) {
				reader.close();
				throw new IllegalStateException("no topic " + this.topic.name() + " after " + TOPIC_WAIT);
			}
			try {
				Thread.sleep(200);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				reader.close();
				throw new IllegalStateException("interrupted waiting for " + this.topic.name(), ex);
			}
		}
	}

	private void follow() {
		try {
			while (this.running) {
				try {
					pollOnce();
				}
				catch (WakeupException ex) {
					// stop() wakes the poll up.
				}
				catch (RuntimeException ex) {
					// The table must keep following: a broker away for a while comes
					// back.
					logger.warn("Could not read {}: {}", this.topic.name(), ex.toString());
					pause();
				}
			}
		}
		finally {
			this.consumer.close(Duration.ofSeconds(1));
		}
	}

	private void pollOnce() {
		KafkaConsumer<K, V> reader = this.consumer;
		try {
			for (ConsumerRecord<K, V> record : reader.poll(Duration.ofMillis(200))) {
				apply(record);
			}
		}
		catch (RecordDeserializationException ex) {
			// Its one writer wrote it with the catalogue's serde; skipped rather than
			// stop
			// the whole table.
			logger.warn("Skipped an unreadable record of {} at offset {}", ex.topicPartition(), ex.offset());
			reader.seek(ex.topicPartition(), ex.offset() + 1);
		}
		this.positions.replaceAll((partition, position) -> reader.position(partition));
		synchronized (this.progress) {
			this.progress.notifyAll();
		}
	}

	private static void pause() {
		try {
			Thread.sleep(500);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void stop() {
		this.running = false;
		KafkaConsumer<K, V> reader = this.consumer;
		if (reader != null) {
			reader.wakeup();
		}
		Thread thread = this.follower;
		if (thread != null) {
			try {
				thread.join(Duration.ofSeconds(5).toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		synchronized (this.progress) {
			this.progress.notifyAll();
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

}
