package com.geminihealth.notifications.sms;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import com.geminihealth.notifications.NotificationsKafkaConfiguration;
import com.geminihealth.notifications.delivery.NotificationDelivery;
import com.geminihealth.schemas.CloudEvents;
import com.geminihealth.schemas.appointment.AppointmentEvent;
import com.geminihealth.schemas.booking.AppointmentId;
import com.geminihealth.schemas.notification.NotificationSuppressed;
import com.geminihealth.schemas.reminder.Channel;

/**
 * Texts patients about appointment decisions, if they agreed to texts at booking. Its own
 * consumer group, so a slow SMS provider never holds up email.
 */
@Component
class SmsListener {

	private final SmsMessages messages;

	private final SmsGateway gateway;

	private final NotificationDelivery delivery;

	SmsListener(SmsMessages messages, SmsGateway gateway, NotificationDelivery delivery) {
		this.messages = messages;
		this.gateway = gateway;
		this.delivery = delivery;
	}

	@KafkaListener(id = "appointment-sms", topics = "appointments",
			containerFactory = NotificationsKafkaConfiguration.APPOINTMENTS_FACTORY)
	void onDecision(ConsumerRecord<AppointmentId, AppointmentEvent> record) {
		String eventId = CloudEvents.header(record.headers(), CloudEvents.ID);
		this.messages.compose(record.value()).ifPresent((sms) -> deliver(record.key(), eventId, sms));
	}

	private void deliver(AppointmentId appointment, String eventId, Sms sms) {
		if (!sms.consented()) {
			this.delivery.suppress(appointment, eventId, sms.purpose(), Channel.SMS,
					NotificationSuppressed.Reason.NO_CONSENT);
			return;
		}
		this.delivery.deliver(appointment, eventId, sms.purpose(), Channel.SMS, sms.to(),
				(id) -> this.gateway.send(sms));
	}

}
