package com.geminihealth.notifications.delivery;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

import com.geminihealth.platform.TopicReplay;
import com.geminihealth.schemas.Topics;
import com.geminihealth.schemas.notification.NotificationId;
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
		TopicReplay.replay(admin.getConfigurationProperties(), Topics.NOTIFICATION_OUTCOMES, (record) -> {
			if (record.value() instanceof NotificationSent) {
				this.sent.add(record.key().value());
			}
		});
	}

	boolean alreadySent(NotificationId id) {
		return this.sent.contains(id.value());
	}

	void markSent(NotificationId id) {
		this.sent.add(id.value());
	}

}
