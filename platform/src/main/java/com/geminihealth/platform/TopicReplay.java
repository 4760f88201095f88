package com.geminihealth.platform;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

import com.geminihealth.schemas.Topic;

/**
 * Reads a whole topic once, from its start to where it ends now, committed records only:
 * how a service rebuilds what it must remember (sent notifications, opt-outs) when it
 * starts. It returns where it stopped in each partition, for a live consumer to carry on
 * from there without a gap.
 */
public final class TopicReplay {

	private TopicReplay() {
	}

	public static <K, V> Map<TopicPartition, Long> replay(Map<String, Object> clientConfig, Topic<K, V> topic,
			Consumer<ConsumerRecord<K, V>> each) {
		Map<String, Object> config = new HashMap<>(clientConfig);
		// No group: nothing is committed, and a secured cluster grants no group to read
		// in.
		config.remove(ConsumerConfig.GROUP_ID_CONFIG);
		config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		try (KafkaConsumer<K, V> consumer = new KafkaConsumer<>(config, topic.keySerde().deserializer(),
				topic.valueSerde().deserializer())) {
			Set<TopicPartition> partitions = consumer.partitionsFor(topic.name())
				.stream()
				.map((info) -> new TopicPartition(info.topic(), info.partition()))
				.collect(Collectors.toSet());
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
			while (partitions.stream().anyMatch((partition) -> consumer.position(partition) < end.get(partition))) {
				consumer.poll(Duration.ofMillis(200)).forEach(each);
			}
			return end;
		}
	}

}
