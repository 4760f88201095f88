package com.geminihealth.broker;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

class KraftBrokerTest {

	private static final Logger logger = LoggerFactory.getLogger(KraftBrokerTest.class);

	private static final String TOPIC = "appointments";

	private final Path dataDir = Path.of("target", "broker-test-" + UUID.randomUUID());

	@AfterEach
	void deleteDataDir() throws Exception {
		FileSystemUtils.deleteRecursively(this.dataDir);
	}

	@Test
	void topicsAndCommittedRecordsSurviveRestartAndTopicsAreNeverAutoCreated() throws Exception {
		String clusterId;
		long startNanos = System.nanoTime();
		try (KraftBroker broker = KraftBroker.start(this.dataDir, 0)) {
			logger.info("First start (format + start) took {} ms", millisSince(startNanos));
			clusterId = broker.clusterId();
			try (Admin admin = admin(broker)) {
				admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1))).all().get();
			}
			try (KafkaProducer<String, String> producer = transactionalProducer(broker)) {
				producer.initTransactions();
				producer.beginTransaction();
				producer.send(new ProducerRecord<>(TOPIC, "patient-1", "booked"));
				producer.commitTransaction();
			}
			long closeNanos = System.nanoTime();
			broker.close();
			logger.info("Close took {} ms", millisSince(closeNanos));
		}

		long restartNanos = System.nanoTime();
		try (KraftBroker broker = KraftBroker.start(this.dataDir, 0)) {
			logger.info("Restart took {} ms", millisSince(restartNanos));
			assertThat(broker.clusterId()).isEqualTo(clusterId);
			try (Admin admin = admin(broker)) {
				assertThat(admin.listTopics().names().get()).contains(TOPIC);
			}
			assertThat(readCommitted(broker)).singleElement().satisfies((record) -> {
				assertThat(record.key()).isEqualTo("patient-1");
				assertThat(record.value()).isEqualTo("booked");
			});

			try (KafkaProducer<String, String> producer = new KafkaProducer<>(
					producerConfig(broker, Map.of(ProducerConfig.MAX_BLOCK_MS_CONFIG, "500")))) {
				assertThatExceptionOfType(ExecutionException.class)
					.isThrownBy(() -> producer.send(new ProducerRecord<>("no-such-topic", "x")).get())
					.withCauseInstanceOf(TimeoutException.class);
			}
			try (Admin admin = admin(broker)) {
				assertThat(admin.listTopics().names().get()).doesNotContain("no-such-topic");
			}
		}
	}

	private static List<ConsumerRecord<String, String>> readCommitted(KraftBroker broker) {
		Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
				ConsumerConfig.GROUP_ID_CONFIG, "restart-check", ConsumerConfig.ISOLATION_LEVEL_CONFIG,
				"read_committed", ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		List<ConsumerRecord<String, String>> records = new ArrayList<>();
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
				new StringDeserializer())) {
			consumer.subscribe(Set.of(TOPIC));
			await().atMost(Duration.ofSeconds(30)).until(() -> {
				consumer.poll(Duration.ofMillis(100)).forEach(records::add);
				return !records.isEmpty();
			});
		}
		return records;
	}

	private static KafkaProducer<String, String> transactionalProducer(KraftBroker broker) {
		return new KafkaProducer<>(producerConfig(broker, Map.of(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "restart-test",
				ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true")));
	}

	private static Map<String, Object> producerConfig(KraftBroker broker, Map<String, Object> extra) {
		Map<String, Object> config = new HashMap<>(extra);
		config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
		config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
		config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
		return config;
	}

	private static Admin admin(KraftBroker broker) {
		return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
	}

	private static long millisSince(long startNanos) {
		return Duration.ofNanos(System.nanoTime() - startNanos).toMillis();
	}

}
