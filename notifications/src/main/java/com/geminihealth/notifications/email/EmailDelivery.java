package com.geminihealth.notifications.email;

import java.time.Clock;

import jakarta.mail.MessagingException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.stereotype.Component;

import com.geminihealth.platform.EventPublisher;
import com.geminihealth.schemas.Topics;
import com.geminihealth.schemas.booking.AppointmentId;
import com.geminihealth.schemas.notification.NotificationFailed;
import com.geminihealth.schemas.notification.NotificationId;
import com.geminihealth.schemas.notification.NotificationSent;
import com.geminihealth.schemas.notification.NotificationSuppressed;
import com.geminihealth.schemas.reminder.Channel;

/**
 * Sends each email once: its notification id (the triggering event's id, the purpose and
 * the channel) is checked before sending, and every attempt ends in an outcome event.
 */
@Component
class EmailDelivery {

	private static final Logger logger = LoggerFactory.getLogger(EmailDelivery.class);

	private final EmailSender sender;

	private final SentNotifications sentNotifications;

	private final EventPublisher publisher;

	private final Clock clock;

	EmailDelivery(EmailSender sender, SentNotifications sentNotifications, EventPublisher publisher, Clock clock) {
		this.sender = sender;
		this.sentNotifications = sentNotifications;
		this.publisher = publisher;
		this.clock = clock;
	}

	/** {@code appointment} is null for an email about no appointment. */
	void deliver(AppointmentId appointment, String eventId, Email email) {
		NotificationId id = NotificationId.of(eventId, email.purpose(), Channel.EMAIL);
		if (this.sentNotifications.alreadySent(id)) {
			publish(id, new NotificationSuppressed(id, Channel.EMAIL, email.purpose(), appointment,
					NotificationSuppressed.Reason.ALREADY_SENT, this.clock.instant()));
			return;
		}
		try {
			String messageId = this.sender.send(email, id.value());
			this.sentNotifications.markSent(id);
			publish(id, new NotificationSent(id, Channel.EMAIL, email.purpose(), appointment, messageId, 1,
					this.clock.instant()));
			logger.info("Sent {} ({})", email, id.value());
		}
		catch (MailSendException ex) {
			// Connection trouble: let the container's back-off retry the record.
			throw ex;
		}
		catch (MessagingException | MailException ex) {
			logger.warn("Could not send {}: {}", email, ex.getClass().getSimpleName());
			publish(id, new NotificationFailed(id, Channel.EMAIL, email.purpose(), appointment,
					ex.getClass().getSimpleName(), null, true, 1, this.clock.instant()));
		}
	}

	private void publish(NotificationId id, com.geminihealth.schemas.notification.NotificationOutcome outcome) {
		this.publisher.publish(Topics.NOTIFICATION_OUTCOMES, id, outcome);
	}

}
