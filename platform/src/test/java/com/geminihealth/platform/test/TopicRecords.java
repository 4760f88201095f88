package com.geminihealth.platform.test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import com.geminihealth.schemas.Topic;

/**
 * Reads a topic from the start to its current end, as an independent client would: only
 * committed records, decoded with the catalogue's serdes when asked.
 */
public final class TopicRecords {

	private TopicRecords() {
	}

	/** Every committed record now on {@code topic}, undecoded. */
	public static List<ConsumerRecord<byte[], byte[]>> raw(String bootstrapServers, String topic) {
		Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID(),
				ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed", ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
				false);
		try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
				new ByteArrayDeserializer())) {
			Set<TopicPartition> partitions = consumer.partitionsFor(topic)
				.stream()
				.map((info) -> new TopicPartition(topic, info.partition()))
				.collect(Collectors.toSet());
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
			List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
			while (partitions.stream().anyMatch((partition) -> consumer.position(partition) < end.get(partition))) {
				consumer.poll(Duration.ofMillis(200)).forEach(records::add);
			}
			return records;
		}
	}

	/**
	 * Every committed record now on {@code topic}, decoded with its serdes and headers.
	 */
	public static <K, V> List<ConsumerRecord<K, V>> read(String bootstrapServers, Topic<K, V> topic) {
		return raw(bootstrapServers, topic.name()).stream()
			.map((record) -> new ConsumerRecord<>(record.topic(), record.partition(), record.offset(),
					record.timestamp(), record.timestampType(), record.serializedKeySize(),
					record.serializedValueSize(),
					topic.keySerde().deserializer().deserialize(record.topic(), record.headers(), record.key()),
					topic.valueSerde().deserializer().deserialize(record.topic(), record.headers(), record.value()),
					record.headers(), record.leaderEpoch()))
			.toList();
	}

	/** The values now on {@code topic}. */
	public static <K, V> List<V> values(String bootstrapServers, Topic<K, V> topic) {
		return read(bootstrapServers, topic).stream().map(ConsumerRecord::value).toList();
	}

}
