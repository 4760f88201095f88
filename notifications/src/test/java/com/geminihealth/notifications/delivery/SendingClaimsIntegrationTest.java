package com.geminihealth.notifications.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

import com.geminihealth.platform.CatalogueProvisioning;
import com.geminihealth.platform.PublishingProperties;
import com.geminihealth.platform.TopicProperties;
import com.geminihealth.platform.test.TopicRecords;
import com.geminihealth.schemas.Topics;
import com.geminihealth.schemas.notification.NotificationFailed;
import com.geminihealth.schemas.notification.NotificationId;
import com.geminihealth.schemas.reminder.Channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The fence of a claim to send, with real consumers of one group on the JVM's shared
 * broker: instance A fetches a trigger, then stalls past its poll interval (a long pause,
 * a broker failover) and the group gives the partition to instance B, which fetches the
 * same trigger again. A's claim is refused and leaves nothing a reader of the ledger
 * sees; B's commits with the offset past the trigger. Without the fence both would send.
 */
class SendingClaimsIntegrationTest {

	final String brokers = System.getProperty(EmbeddedKafkaBroker.SPRING_EMBEDDED_KAFKA_BROKERS);

	final String triggers = "claims-triggers-" + UUID.randomUUID();

	final String group = "claims-" + UUID.randomUUID();

	final RecordsInHand inHand = new RecordsInHand();

	@Test
	void onlyTheInstanceThatStillOwnsTheTriggersPartitionCanClaimItsMessage() throws Exception {
		createTopics();
		publishTrigger();
		SendingClaims claims = new SendingClaims(this.inHand,
				new DefaultKafkaProducerFactory<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.brokers)),
				new PublishingProperties(Duration.ofSeconds(10)));
		NotificationId id = NotificationId.of(UUID.randomUUID().toString(), "appointment-declined", Channel.EMAIL);
		TopicPartition partition = new TopicPartition(this.triggers, 0);
		try (claims;
				KafkaConsumer<String, String> a = consumer(Duration.ofSeconds(1));
				KafkaConsumer<String, String> b = consumer(Duration.ofMinutes(5))) {
			ConsumerRecord<String, String> fetchedByA = firstRecord(a);
			this.inHand.intercept(cast(fetchedByA), cast(a));
			// A stalls past its poll interval: the group lets it go and B takes the
			// partition over, from the trigger on.
			Thread.sleep(2_000);
			ConsumerRecord<String, String> fetchedByB = firstRecord(b);
			assertThat(fetchedByB.offset()).isEqualTo(fetchedByA.offset());

			assertThatThrownBy(() -> claims.claim(sending(id))).isInstanceOf(SendingClaims.Lost.class);
			assertThat(claimsOf(id)).as("A's claim, as the ledger's readers see it").isEmpty();
			assertThat(committed(partition)).as("the group's offset after A's claim").isNull();

			this.inHand.afterRecord(cast(fetchedByA), cast(a));
			this.inHand.intercept(cast(fetchedByB), cast(b));
			long claimed = claims.claim(sending(id));
			assertThat(claimsOf(id)).containsExactly(claimed);
			assertThat(committed(partition).offset()).isEqualTo(fetchedByB.offset() + 1);
		}
	}

	@Test
	void aMessageIsClaimedOnlyForARecordAListenerHandles() {
		SendingClaims claims = new SendingClaims(this.inHand,
				new DefaultKafkaProducerFactory<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.brokers)),
				new PublishingProperties(Duration.ofSeconds(10)));
		try (claims) {
			assertThatThrownBy(
					() -> claims.claim(sending(NotificationId.of("e-1", "appointment-declined", Channel.EMAIL))))
				.isInstanceOf(IllegalStateException.class);
		}
	}

	private void createTopics() throws Exception {
		try (Admin admin = Admin.create(Map.of("bootstrap.servers", this.brokers))) {
			CatalogueProvisioning.createTopics(admin, new TopicProperties(3, (short) 1, Map.of(), true));
			admin.createTopics(List.of(new NewTopic(this.triggers, 1, (short) 1))).all().get();
		}
	}

	private void publishTrigger() throws Exception {
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.brokers), new StringSerializer(),
				new StringSerializer())) {
			producer.send(new ProducerRecord<>(this.triggers, "a-1", "declined")).get();
		}
	}

	private KafkaConsumer<String, String> consumer(Duration pollInterval) {
		Map<String, Object> config = new HashMap<>();
		config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.brokers);
		config.put(ConsumerConfig.GROUP_ID_CONFIG, this.group);
		config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		config.put(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, (int) pollInterval.toMillis());
		KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
				new StringDeserializer());
		consumer.subscribe(List.of(this.triggers));
		return consumer;
	}

	private static ConsumerRecord<String, String> firstRecord(KafkaConsumer<String, String> consumer) {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (System.nanoTime() < deadline) {
			for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
				return record;
			}
		}
		throw new AssertionError("no record within 60 s");
	}

	private static NotificationFailed sending(NotificationId id) {
		return new NotificationFailed(id, Channel.EMAIL, id.purpose(), null, NotificationLedger.SENDING,
				NotificationLedger.OUTCOME_UNKNOWN, false, 1, Instant.now());
	}

	private List<Long> claimsOf(NotificationId id) {
		return TopicRecords.read(this.brokers, Topics.NOTIFICATION_OUTCOMES)
			.stream()
			.filter((record) -> id.equals(record.key()))
			.map(ConsumerRecord::offset)
			.toList();
	}

	private OffsetAndMetadata committed(TopicPartition partition) throws Exception {
		try (Admin admin = Admin.create(Map.of("bootstrap.servers", this.brokers))) {
			return admin.listConsumerGroupOffsets(this.group).partitionsToOffsetAndMetadata().get().get(partition);
		}
	}

	@SuppressWarnings("unchecked")
	private static <T> T cast(Object object) {
		return (T) object;
	}

}
