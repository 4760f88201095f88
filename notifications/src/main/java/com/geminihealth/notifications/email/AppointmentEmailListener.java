package com.geminihealth.notifications.email;

import java.time.Clock;

import jakarta.mail.MessagingException;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.stereotype.Component;

import com.geminihealth.platform.EventPublisher;
import com.geminihealth.schemas.CloudEvents;
import com.geminihealth.schemas.Topics;
import com.geminihealth.schemas.appointment.AppointmentEvent;
import com.geminihealth.schemas.booking.AppointmentId;
import com.geminihealth.schemas.notification.NotificationFailed;
import com.geminihealth.schemas.notification.NotificationId;
import com.geminihealth.schemas.notification.NotificationSent;
import com.geminihealth.schemas.notification.NotificationSuppressed;
import com.geminihealth.schemas.reminder.Channel;

/**
 * Emails patients about appointment decisions, once each: the notification id (the
 * decision's event id, the purpose and the channel) is checked before sending, and every
 * attempt ends in an outcome event.
 */
@Component
class AppointmentEmailListener {

	private static final Logger logger = LoggerFactory.getLogger(AppointmentEmailListener.class);

	private final AppointmentEmails emails;

	private final EmailSender sender;

	private final SentNotifications sentNotifications;

	private final EventPublisher publisher;

	private final Clock clock;

	AppointmentEmailListener(AppointmentEmails emails, EmailSender sender, SentNotifications sentNotifications,
			EventPublisher publisher, Clock clock) {
		this.emails = emails;
		this.sender = sender;
		this.sentNotifications = sentNotifications;
		this.publisher = publisher;
		this.clock = clock;
	}

	@KafkaListener(id = "appointment-emails", topics = "appointments",
			containerFactory = NotificationsKafkaConfiguration.APPOINTMENTS_FACTORY)
	void on(ConsumerRecord<AppointmentId, AppointmentEvent> record) {
		String eventId = CloudEvents.header(record.headers(), CloudEvents.ID);
		this.emails.compose(record.value()).ifPresent((email) -> deliver(record.key(), eventId, email));
	}

	private void deliver(AppointmentId appointment, String eventId, Email email) {
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
