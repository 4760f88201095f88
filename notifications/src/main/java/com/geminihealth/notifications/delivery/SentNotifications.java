package com.geminihealth.notifications.delivery;

import java.util.HashMap;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

import com.geminihealth.schemas.Topics;
import com.geminihealth.schemas.notification.NotificationId;
import com.geminihealth.schemas.notification.NotificationOutcome;
import com.geminihealth.schemas.notification.NotificationSent;

/**
 * The notifications already sent, read back from the outcome stream at start-up and kept
 * up to date as this instance sends: a redelivered trigger finds its notification id here
 * and sends nothing, even after a restart. The one gap is a crash between the provider
 * accepting a message and its outcome being recorded.
 */
@Component
public class SentNotifications {

	private final Set<String> sent = ConcurrentHashMap.newKeySet();

	SentNotifications(KafkaAdmin admin) {
		Map<String, Object> config = new HashMap<>(admin.getConfigurationProperties());
		config.put(ConsumerConfig.GROUP_ID_CONFIG, "sent-notifications-" + UUID.randomUUID());
		config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		try (KafkaConsumer<NotificationId, NotificationOutcome> consumer = new KafkaConsumer<>(config,
				Topics.NOTIFICATION_OUTCOMES.keySerde().deserializer(),
				Topics.NOTIFICATION_OUTCOMES.valueSerde().deserializer())) {
			Set<TopicPartition> partitions = consumer.partitionsFor(Topics.NOTIFICATION_OUTCOMES.name())
				.stream()
				.map((info) -> new TopicPartition(info.topic(), info.partition()))
				.collect(Collectors.toSet());
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
			while (partitions.stream().anyMatch((partition) -> consumer.position(partition) < end.get(partition))) {
				consumer.poll(Duration.ofMillis(200)).forEach((record) -> {
					if (record.value() instanceof NotificationSent) {
						this.sent.add(record.key().value());
					}
				});
			}
		}
	}

	boolean alreadySent(NotificationId id) {
		return this.sent.contains(id.value());
	}

	void markSent(NotificationId id) {
		this.sent.add(id.value());
	}

}
