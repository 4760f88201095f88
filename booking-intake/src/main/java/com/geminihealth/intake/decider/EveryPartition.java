package com.geminihealth.intake.decider;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.kafka.streams.processor.StreamPartitioner;

/**
 * Sends each record to every partition of its topic, so that every task reading that
 * topic sees it once.
 */
final class EveryPartition<K, V> implements StreamPartitioner<K, V> {

	@Override
	public Optional<Set<Integer>> partitions(String topic, K key, V value, int numPartitions) {
		return Optional.of(IntStream.range(0, numPartitions).boxed().collect(Collectors.toUnmodifiableSet()));
	}

}
