package com.geminihealth.cluster;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import com.geminihealth.schemas.CloudEvents;
import com.geminihealth.schemas.Topic;

/**
 * An independent reader of the pipeline's topics: no group, no offsets of its own,
 * committed records only, each value read through the contract's serde, as any consumer
 * would.
 */
final class TopicReader {

	private final Map<String, Object> connection;

	/**
	 * A reader that connects with {@code connection}: the bootstrap servers and the
	 * login.
	 */
	TopicReader(Map<String, Object> connection) {
		this.connection = Map.copyOf(connection);
	}

	/**
	 * One record as read.
	 *
	 * @param value the event, or null when it could not be read
	 */
	record Rec<K, V>(K key, V value, Instant timestamp, String eventId, Map<String, String> headers, int partition,
			long offset) {
	}

	/** Every committed record now on the topic. */
	<K, V> List<Rec<K, V>> readAll(Topic<K, V> topic) {
		List<Rec<K, V>> records = new ArrayList<>();
		try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
			List<TopicPartition> partitions = partitions(consumer, topic.name());
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
			long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
			while (partitions.stream().anyMatch((tp) -> consumer.position(tp) < end.get(tp))
					&& System.nanoTime() < deadline) {
				consumer.poll(Duration.ofMillis(500)).forEach((record) -> records.add(read(topic, record)));
			}
		}
		return records;
	}

	/**
	 * Reads the topic from its start, handing each record on, while {@code open} says so.
	 */
	<K, V> void follow(Topic<K, V> topic, BooleanSupplier open, Consumer<Rec<K, V>> handler) {
		try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
			List<TopicPartition> partitions = partitions(consumer, topic.name());
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			while (open.getAsBoolean()) {
				try {
					consumer.poll(Duration.ofMillis(300)).forEach((record) -> handler.accept(read(topic, record)));
				}
				catch (RuntimeException ex) {
					// a broker is down: poll again
				}
			}
		}
	}

	private static <K, V> Rec<K, V> read(Topic<K, V> topic, ConsumerRecord<byte[], byte[]> record) {
		Map<String, String> headers = new LinkedHashMap<>();
		for (Header header : record.headers()) {
			headers.put(header.key(),
					(header.value() != null) ? new String(header.value(), StandardCharsets.UTF_8) : "");
		}
		K key = null;
		V value = null;
		try {
			key = (record.key() != null) ? topic.keySerde().deserializer().deserialize(topic.name(), record.key())
					: null;
			value = (record.value() != null)
					? topic.valueSerde().deserializer().deserialize(topic.name(), record.headers(), record.value())
					: null;
		}
		catch (RuntimeException ex) {
			headers.put("unreadable", String.valueOf(ex.getMessage()));
		}
		return new Rec<>(key, value, Instant.ofEpochMilli(record.timestamp()), headers.get(CloudEvents.ID), headers,
				record.partition(), record.offset());
	}

	private static List<TopicPartition> partitions(KafkaConsumer<byte[], byte[]> consumer, String topic) {
		long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
		while (System.nanoTime() < deadline) {
			try {
				List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(10));
				if (infos != null && !infos.isEmpty()) {
					return infos.stream().map((info) -> new TopicPartition(topic, info.partition())).toList();
				}
			}
			catch (RuntimeException ex) {
				// not there yet, or a broker is down
			}
		}
		throw new IllegalStateException("No topic " + topic);
	}

	private KafkaConsumer<byte[], byte[]> consumer() {
		Properties props = new Properties();
		props.putAll(this.connection);
		props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
		props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
		props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
		return new KafkaConsumer<>(props);
	}

}
