package com.geminihealth.platform;

import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;

/**
 * UP while the Kafka Streams application is running or rebalancing; DOWN once it has
 * stopped or failed, because then nothing is processed.
 */
class KafkaStreamsHealthIndicator extends AbstractHealthIndicator {

	private final StreamsBuilderFactoryBean streams;

	KafkaStreamsHealthIndicator(StreamsBuilderFactoryBean streams) {
		super("Kafka Streams state unavailable");
		this.streams = streams;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		KafkaStreams kafkaStreams = this.streams.getKafkaStreams();
		KafkaStreams.State state = (kafkaStreams != null) ? kafkaStreams.state() : KafkaStreams.State.CREATED;
		boolean healthy = state == KafkaStreams.State.RUNNING || state == KafkaStreams.State.REBALANCING;
		(healthy ? builder.up() : builder.down()).withDetail("state", state.name())
			.withDetail("applicationId",
					String.valueOf(this.streams.getStreamsConfiguration().get(StreamsConfig.APPLICATION_ID_CONFIG)));
	}

}
