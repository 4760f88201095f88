package com.geminihealth.schemas.notification;

import java.time.Instant;

import com.geminihealth.schemas.reminder.Channel;

/** The provider reported the message delivered to the handset or mailbox. */
public record NotificationDelivered(NotificationId notificationId, Channel channel, String providerId,
		Instant at) implements NotificationOutcome {
}
