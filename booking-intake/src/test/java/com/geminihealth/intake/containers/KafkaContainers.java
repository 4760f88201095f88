package com.geminihealth.intake.containers;

import org.testcontainers.kafka.KafkaContainer;

/** A real Kafka broker in Docker, the same image the compose deployment runs. */
final class KafkaContainers {

	private KafkaContainers() {
	}

	static KafkaContainer apacheKafka() {
		return new KafkaContainer("apache/kafka:4.1.1").withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false");
	}

}
