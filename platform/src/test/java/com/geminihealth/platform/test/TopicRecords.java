package com.geminihealth.platform.test;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Serdes;

import com.geminihealth.platform.TopicReplay;
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
		return read(bootstrapServers, new Topic<>(topic, Serdes.ByteArray(), Serdes.ByteArray()));
	}

	/**
	 * Every committed record now on {@code topic}, decoded with its serdes and headers.
	 */
	public static <K, V> List<ConsumerRecord<K, V>> read(String bootstrapServers, Topic<K, V> topic) {
		List<ConsumerRecord<K, V>> records = new ArrayList<>();
		TopicReplay.replay(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), topic, records::add);
		return records;
	}

	/**
	 * The values now on {@code topic}, without the tombstones an erasure leaves on a
	 * compacted one.
	 */
	public static <K, V> List<V> values(String bootstrapServers, Topic<K, V> topic) {
		return read(bootstrapServers, topic).stream().map(ConsumerRecord::value).filter(Objects::nonNull).toList();
	}

}
