package com.geminihealth.dashboard.stream;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;

import com.geminihealth.schemas.Topic;
import com.geminihealth.schemas.Topics;

/**
 * Records as they come off the wire, encoded with the catalogue's own serdes, decoded by
 * the dashboard's decoder: what read models see in production.
 */
public final class Events {

	private static final AtomicLong offsets = new AtomicLong();

	private final EventDecoder decoder = new EventDecoder(ZoneId.of("America/Toronto"), Topics.ALL,
			Map.of("rmt-swedish-60", "Swedish massage, 60 min")::get, (id) -> id);

	public <K, V> PipelineEvent of(Topic<K, V> topic, K key, V value) {
		RecordHeaders headers = new RecordHeaders();
		byte[] keyBytes = topic.keySerde().serializer().serialize(topic.name(), headers, key);
		byte[] valueBytes = topic.valueSerde().serializer().serialize(topic.name(), headers, value);
		return this.decoder
			.decode(new ConsumerRecord<>(topic.name(), 0, offsets.incrementAndGet(), Instant.now().toEpochMilli(),
					TimestampType.CREATE_TIME, keyBytes.length, (valueBytes != null) ? valueBytes.length : -1, keyBytes,
					valueBytes, headers, java.util.Optional.empty()));
	}

}
