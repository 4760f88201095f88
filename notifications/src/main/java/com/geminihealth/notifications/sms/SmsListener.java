package com.geminihealth.notifications.sms;

import java.time.Clock;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import com.geminihealth.notifications.NotificationsKafkaConfiguration;
import com.geminihealth.notifications.delivery.NotificationDelivery;
import com.geminihealth.notifications.delivery.NotificationRetries;
import com.geminihealth.notifications.delivery.Trigger;
import com.geminihealth.schemas.Topics;
import com.geminihealth.schemas.appointment.AppointmentEvent;
import com.geminihealth.schemas.booking.AppointmentId;
import com.geminihealth.schemas.notification.NotificationSuppressed;
import com.geminihealth.schemas.reminder.Channel;
import com.geminihealth.schemas.reminder.DueNotice;

/**
 * Texts patients about appointment decisions, reminders and follow-ups, if they agreed to
 * texts at booking, and never in their quiet hours. Its own consumer group, so a slow SMS
 * provider never holds up email.
 */
@Component
class SmsListener {

	private static final String DECISIONS = "appointment-sms";

	private static final String DUE_NOTICES = "due-notice-sms";

	private final SmsMessages messages;

	private final SmsGateway gateway;

	private final NotificationDelivery delivery;

	private final QuietHours quietHours;

	private final Clock clock;

	SmsListener(SmsMessages messages, SmsGateway gateway, NotificationDelivery delivery, NotificationRetries retries,
			SmsProperties properties, Clock clock) {
		this.messages = messages;
		this.gateway = gateway;
		this.delivery = delivery;
		this.quietHours = properties.quietHours();
		this.clock = clock;
		retries.register(DECISIONS, Topics.APPOINTMENTS, this::onDecision);
		retries.register(DUE_NOTICES, Topics.DUE_NOTICES, this::onDue);
	}

	@KafkaListener(id = DECISIONS, topics = "appointments",
			containerFactory = NotificationsKafkaConfiguration.APPOINTMENTS_FACTORY)
	void onDecision(ConsumerRecord<AppointmentId, AppointmentEvent> record) {
		this.messages.compose(record.value()).ifPresent((sms) -> deliver(record.key(), Trigger.of(record), sms, null));
	}

	@KafkaListener(id = DUE_NOTICES, topics = "due-notices",
			containerFactory = NotificationsKafkaConfiguration.DUE_NOTICES_FACTORY)
	void onDue(ConsumerRecord<AppointmentId, DueNotice> record) {
		if (record.value() == null) {
			return; // the tombstone of an erased patient's notice
		}
		this.messages.compose(record.value())
			.ifPresent((sms) -> deliver(record.key(), Trigger.of(record), sms, record.value()));
	}

	/**
	 * {@code notice} is null for a decision, which needs no check against the
	 * appointment's state.
	 */
	private void deliver(AppointmentId appointment, Trigger trigger, Sms sms, DueNotice notice) {
		if (!sms.consented()) {
			this.delivery.suppress(appointment, trigger, sms.purpose(), Channel.SMS,
					NotificationSuppressed.Reason.NO_CONSENT);
			return;
		}
		// The reminders service moves what it schedules out of quiet hours; anything
		// still inside them now cannot be moved earlier, so it is skipped.
		if (this.quietHours.contain(this.clock.instant(), sms.zone())) {
			this.delivery.suppress(appointment, trigger, sms.purpose(), Channel.SMS,
					NotificationSuppressed.Reason.QUIET_HOURS);
			return;
		}
		NotificationDelivery.Sender sender = (id) -> this.gateway.send(sms, id);
		if (notice != null) {
			this.delivery.deliver(notice, trigger, sms.purpose(), Channel.SMS, sms.to(), sender);
		}
		else {
			this.delivery.deliver(appointment, trigger, sms.purpose(), Channel.SMS, sms.to(), sender);
		}
	}

}
