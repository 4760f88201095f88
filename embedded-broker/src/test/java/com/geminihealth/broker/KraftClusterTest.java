package com.geminihealth.broker;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

class KraftClusterTest {

	private final Path dataDir = Path.of("target", "cluster-test-" + UUID.randomUUID());

	private KraftCluster cluster;

	@AfterEach
	void stop() throws Exception {
		if (this.cluster != null) {
			this.cluster.close();
		}
		FileSystemUtils.deleteRecursively(this.dataDir);
	}

	@Test
	void writesWithOneBrokerLostRefusesWithTwoAndWritesAgainWhenTheyReturn() throws Exception {
		this.cluster = KraftCluster.start(this.dataDir, 3, Map.of());
		try (Admin admin = Admin.create(Map.of("bootstrap.servers", this.cluster.bootstrapServers()));
				KafkaProducer<String, String> producer = producer()) {
			admin.createTopics(List.of(new NewTopic("appointments", 1, (short) 3))).all().get();
			// A new topic reaches each broker's metadata a moment after the controller
			// accepts it; until then a broker answers that it does not host it.
			await().atMost(Duration.ofSeconds(10)).ignoreExceptions().untilAsserted(() -> {
				TopicDescription topic = admin.describeTopics(List.of("appointments"))
					.allTopicNames()
					.get()
					.get("appointments");
				assertThat(topic.partitions().get(0).replicas()).hasSize(3);
			});
			send(producer, "all up");

			this.cluster.stopBroker(0);
			send(producer, "one lost");
			this.cluster.stopBroker(1);
			// Refused as NOT_ENOUGH_REPLICAS, retried until the delivery timeout.
			assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> send(producer, "two lost"));

			this.cluster.startBroker(0);
			this.cluster.startBroker(1);
			await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() -> send(producer, "back"));
		}
	}

	private void send(KafkaProducer<String, String> producer, String value) throws Exception {
		producer.send(new ProducerRecord<>("appointments", "key", value)).get(10, TimeUnit.SECONDS);
	}

	private KafkaProducer<String, String> producer() {
		return new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.cluster.bootstrapServers(),
						ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 3000,
						ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 1000, ProducerConfig.LINGER_MS_CONFIG, 0),
				new StringSerializer(), new StringSerializer());
	}

}
