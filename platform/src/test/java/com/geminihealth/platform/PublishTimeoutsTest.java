package com.geminihealth.platform;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class PublishTimeoutsTest {

	static final Duration WAIT = Duration.ofSeconds(10);

	@Test
	void theProducerGivesUpBeforeItsCallerStopsWaiting() {
		PublishTimeouts timeouts = PublishTimeouts.derive(WAIT, Map.of(ProducerConfig.LINGER_MS_CONFIG, "1"));

		assertThat(timeouts.maxBlock().plus(timeouts.deliveryTimeout())).isLessThan(WAIT);
		assertThat(timeouts.linger().plus(timeouts.requestTimeout())).isLessThanOrEqualTo(timeouts.deliveryTimeout());
		assertThat(timeouts.producerSettings()).containsEntry(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 7000)
			.containsEntry(ProducerConfig.MAX_BLOCK_MS_CONFIG, 2000L);
	}

	@Test
	void kafkaAcceptsTheDerivedSettings() {
		Map<String, Object> config = new HashMap<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:1", ProducerConfig.ACKS_CONFIG, "all",
						ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true, ProducerConfig.LINGER_MS_CONFIG, 1));
		config.putAll(PublishTimeouts.derive(PublishTimeouts.SHORTEST_WAIT, config).producerSettings());

		// Kafka refuses delivery.timeout.ms < linger.ms + request.timeout.ms when it is
		// built.
		new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer()).close(Duration.ZERO);
	}

	@Test
	void refusesToStartWithADeliveryTimeoutSetBesideTheWait() {
		assertThatIllegalStateException()
			.isThrownBy(() -> PublishTimeouts.derive(WAIT, Map.of(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "120000")))
			.withMessageContaining("delivery.timeout.ms is derived from pipeline.publishing.ack-timeout");
		assertThatIllegalStateException()
			.isThrownBy(() -> PublishTimeouts.derive(WAIT, Map.of(ProducerConfig.MAX_BLOCK_MS_CONFIG, 60000)))
			.withMessageContaining("max.block.ms");
	}

	@Test
	void acceptsATimeoutSetToWhatTheWaitGives() {
		assertThat(PublishTimeouts.derive(WAIT, Map.of(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "7000"))
			.deliveryTimeout()).isEqualTo(Duration.ofSeconds(7));
	}

	@Test
	void refusesAWaitTooShortForTheLinger() {
		assertThatIllegalStateException().isThrownBy(() -> PublishTimeouts.derive(Duration.ofMillis(500), Map.of()));
		assertThatIllegalStateException()
			.isThrownBy(
					() -> PublishTimeouts.derive(Duration.ofSeconds(2), Map.of(ProducerConfig.LINGER_MS_CONFIG, 1200)))
			.withMessageContaining("leaves produce requests no time");
	}

	@Test
	void refusesTimeoutsThatOutlastTheWait() {
		assertThatIllegalStateException()
			.isThrownBy(() -> new PublishTimeouts(WAIT, Duration.ofSeconds(3), Duration.ofSeconds(7),
					Duration.ofSeconds(3), Duration.ZERO))
			.withMessageContaining("keep trying after its caller stopped waiting");
	}

}
