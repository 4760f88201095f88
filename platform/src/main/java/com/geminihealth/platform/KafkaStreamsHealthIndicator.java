package com.geminihealth.platform;

import java.util.EnumSet;
import java.util.Set;

import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KafkaStreams.State;
import org.apache.kafka.streams.StreamsConfig;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;

/**
 * UP while the service's Kafka Streams client is starting, rebalancing or running; DOWN
 * once it is shutting down, stopped or failed, because then nothing is processed and
 * nothing in the client will bring it back: liveness includes this indicator
 * ({@code pipeline-management.yml}), so an orchestrator restarts the service. A service
 * without Kafka Streams is UP: every service has the indicator, so that the liveness
 * group names it everywhere.
 */
class KafkaStreamsHealthIndicator extends AbstractHealthIndicator {

	private static final Set<State> ALIVE = EnumSet.of(State.CREATED, State.REBALANCING, State.RUNNING);

	private final ObjectProvider<StreamsBuilderFactoryBean> streams;

	KafkaStreamsHealthIndicator(ObjectProvider<StreamsBuilderFactoryBean> streams) {
		super("Kafka Streams state unavailable");
		this.streams = streams;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		StreamsBuilderFactoryBean factory = this.streams.getIfUnique();
		if (factory == null) {
			builder.up();
			return;
		}
		String state = state(factory);
		(alive(factory) ? builder.up() : builder.down()).withDetail("state", state)
			.withDetail("applicationId",
					String.valueOf(factory.getStreamsConfiguration().get(StreamsConfig.APPLICATION_ID_CONFIG)));
	}

	/** Whether the client processes, or will once started. */
	static boolean alive(StreamsBuilderFactoryBean factory) {
		KafkaStreams client = factory.getKafkaStreams();
		if (client == null) {
			// Stopped, or never started: dead only if it should run by itself.
			return !factory.isAutoStartup();
		}
		return ALIVE.contains(client.state());
	}

	private static String state(StreamsBuilderFactoryBean factory) {
		KafkaStreams client = factory.getKafkaStreams();
		if (client != null) {
			return client.state().name();
		}
		return factory.isAutoStartup() ? "STOPPED" : "NOT_STARTED";
	}

}
