package com.geminihealth.intake;

import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.test.context.TestComponent;

import com.geminihealth.platform.test.TopicRecords;
import com.geminihealth.schemas.Topic;

/**
 * Reads the topics of whichever broker the application under test uses, as a client
 * would.
 */
@TestComponent
public class KafkaTopics {

	private final String bootstrapServers;

	KafkaTopics(KafkaConnectionDetails kafka) {
		this.bootstrapServers = String.join(",", kafka.getBootstrapServers());
	}

	public String bootstrapServers() {
		return this.bootstrapServers;
	}

	public <K, V> List<ConsumerRecord<K, V>> read(Topic<K, V> topic) {
		return TopicRecords.read(this.bootstrapServers, topic);
	}

	public <K, V> List<V> values(Topic<K, V> topic) {
		return TopicRecords.values(this.bootstrapServers, topic);
	}

	public List<ConsumerRecord<byte[], byte[]>> raw(String topic) {
		return TopicRecords.raw(this.bootstrapServers, topic);
	}

}
