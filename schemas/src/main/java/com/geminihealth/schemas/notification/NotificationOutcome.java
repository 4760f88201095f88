package com.geminihealth.schemas.notification;

import java.time.Instant;

import com.geminihealth.schemas.booking.AppointmentId;
import com.geminihealth.schemas.reminder.Channel;

/** What happened to one notification; keyed by notification id. */
public sealed interface NotificationOutcome
		permits NotificationSent, NotificationDelivered, NotificationFailed, NotificationSuppressed {

	NotificationId notificationId();

	Channel channel();

	Instant at();

	/**
	 * The appointment the message was about; null for a message about none, and for a
	 * provider's report, which names only the notification.
	 */
	default AppointmentId appointmentId() {
		return null;
	}

}
