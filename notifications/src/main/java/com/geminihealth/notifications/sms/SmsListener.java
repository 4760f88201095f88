package com.geminihealth.notifications.sms;

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
import com.geminihealth.schemas.waitlist.WaitlistEntryId;
import com.geminihealth.schemas.waitlist.WaitlistEvent;
import com.geminihealth.schemas.waitlist.WaitlistOffered;

/**
 * Texts patients about appointment decisions, reminders, follow-ups, the times their
 * waitlist offers them and, after a session, the question about it, if they agreed to
 * texts when booking or joining the waitlist, and never in their quiet hours (see
 * {@link SmsTurns}). Its own consumer group, so a slow SMS provider never holds up email.
 */
@Component
class SmsListener {

	static final String DECISIONS = "appointment-sms";

	static final String DUE_NOTICES = "due-notice-sms";

	static final String WAITLIST = "waitlist-sms";

	private final SmsMessages messages;

	private final WaitlistTexts waitlistTexts;

	private final SmsGateway gateway;

	private final NotificationDelivery delivery;

	private final SmsTurns turns;

	SmsListener(SmsMessages messages, WaitlistTexts waitlistTexts, SmsGateway gateway, NotificationDelivery delivery,
			NotificationRetries retries, SmsTurns turns) {
		this.messages = messages;
		this.waitlistTexts = waitlistTexts;
		this.gateway = gateway;
		this.delivery = delivery;
		this.turns = turns;
		retries.register(DECISIONS, Topics.APPOINTMENTS, this::onDecision);
		retries.register(DUE_NOTICES, Topics.DUE_NOTICES, this::onDue);
		retries.register(WAITLIST, Topics.WAITLIST, this::onWaitlist);
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
	 * A freed time offered to the patient; how an offer ended is emailed only. The
	 * outcome names the offer: the appointment it becomes if claimed.
	 */
	@KafkaListener(id = WAITLIST, topics = "waitlist",
			containerFactory = NotificationsKafkaConfiguration.WAITLIST_FACTORY)
	void onWaitlist(ConsumerRecord<WaitlistEntryId, WaitlistEvent> record) {
		if (record.value() instanceof WaitlistOffered offered) {
			this.waitlistTexts.compose(offered)
				.ifPresent((sms) -> deliver(offered.offer(), Trigger.of(record), sms, null));
		}
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
		// Quiet hours are checked by the turn, at the moment of sending: a text that
		// waited for the sender's pace may have waited into them.
		NotificationDelivery.Sender sender = (id) -> this.gateway.send(sms, id);
		NotificationDelivery.Turn turn = this.turns.of(sms);
		if (notice != null) {
			this.delivery.deliver(notice, trigger, sms.purpose(), Channel.SMS, sms.to(), turn, sender);
		}
		else {
			this.delivery.deliver(appointment, trigger, sms.purpose(), Channel.SMS, sms.to(), turn, sender);
		}
	}

}
