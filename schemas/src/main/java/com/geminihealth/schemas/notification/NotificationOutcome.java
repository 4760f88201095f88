package com.geminihealth.schemas.notification;

import java.time.Instant;

import com.geminihealth.schemas.reminder.Channel;

/** What happened to one notification; keyed by notification id. */
public sealed interface NotificationOutcome
		permits NotificationSent, NotificationDelivered, NotificationFailed, NotificationSuppressed {

	NotificationId notificationId();

	Channel channel();

	Instant at();

}
