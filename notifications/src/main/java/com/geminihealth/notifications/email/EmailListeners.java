package com.geminihealth.notifications.email;

import jakarta.mail.MessagingException;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.stereotype.Component;

import com.geminihealth.notifications.NotificationsKafkaConfiguration;
import com.geminihealth.notifications.delivery.NotificationDelivery;
import com.geminihealth.schemas.CloudEvents;
import com.geminihealth.schemas.appointment.AppointmentEvent;
import com.geminihealth.schemas.booking.AppointmentId;
import com.geminihealth.schemas.inquiry.ContactInquiryReceived;
import com.geminihealth.schemas.inquiry.InquiryId;
import com.geminihealth.schemas.reminder.DueNotice;
import com.geminihealth.schemas.reminder.Channel;

/**
 * Emails patients about appointment decisions, and acknowledges contact-form inquiries.
 */
@Component
class EmailListeners {

	private final AppointmentEmails appointmentEmails;

	private final InquiryEmails inquiryEmails;

	private final DueNoticeEmails dueNoticeEmails;

	private final EmailSender sender;

	private final NotificationDelivery delivery;

	EmailListeners(AppointmentEmails appointmentEmails, InquiryEmails inquiryEmails, DueNoticeEmails dueNoticeEmails,
			EmailSender sender, NotificationDelivery delivery) {
		this.appointmentEmails = appointmentEmails;
		this.inquiryEmails = inquiryEmails;
		this.dueNoticeEmails = dueNoticeEmails;
		this.sender = sender;
		this.delivery = delivery;
	}

	@KafkaListener(id = "appointment-emails", topics = "appointments",
			containerFactory = NotificationsKafkaConfiguration.APPOINTMENTS_FACTORY)
	void onDecision(ConsumerRecord<AppointmentId, AppointmentEvent> record) {
		this.appointmentEmails.compose(record.value())
			.ifPresent((email) -> deliver(record.key(), eventId(record), email));
	}

	@KafkaListener(id = "inquiry-emails", topics = "contact-inquiries",
			containerFactory = NotificationsKafkaConfiguration.INQUIRIES_FACTORY)
	void onInquiry(ConsumerRecord<InquiryId, ContactInquiryReceived> record) {
		deliver(null, eventId(record), this.inquiryEmails.acknowledgement(record.value()));
	}

	@KafkaListener(id = "due-notice-emails", topics = "due-notices",
			containerFactory = NotificationsKafkaConfiguration.DUE_NOTICES_FACTORY)
	void onDue(ConsumerRecord<AppointmentId, DueNotice> record) {
		this.dueNoticeEmails.compose(record.value())
			.ifPresent((email) -> deliver(record.key(), eventId(record), email));
	}

	private void deliver(AppointmentId appointment, String eventId, Email email) {
		this.delivery.deliver(appointment, eventId, email.purpose(), Channel.EMAIL, email.to(), (id) -> {
			try {
				return this.sender.send(email, id.value());
			}
			catch (MailSendException ex) {
				// The server could not be reached or refused for now: the listener
				// retries.
				throw ex;
			}
			catch (MessagingException | MailException ex) {
				throw new NotificationDelivery.PermanentFailure(ex.getClass().getSimpleName(), null, ex);
			}
		});
	}

	private static String eventId(ConsumerRecord<?, ?> record) {
		return CloudEvents.header(record.headers(), CloudEvents.ID);
	}

}
