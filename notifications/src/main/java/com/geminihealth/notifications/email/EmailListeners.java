package com.geminihealth.notifications.email;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import com.geminihealth.schemas.CloudEvents;
import com.geminihealth.schemas.appointment.AppointmentEvent;
import com.geminihealth.schemas.booking.AppointmentId;
import com.geminihealth.schemas.inquiry.ContactInquiryReceived;
import com.geminihealth.schemas.inquiry.InquiryId;

/**
 * Emails patients about appointment decisions, and acknowledges contact-form inquiries.
 */
@Component
class EmailListeners {

	private final AppointmentEmails appointmentEmails;

	private final InquiryEmails inquiryEmails;

	private final EmailDelivery delivery;

	EmailListeners(AppointmentEmails appointmentEmails, InquiryEmails inquiryEmails, EmailDelivery delivery) {
		this.appointmentEmails = appointmentEmails;
		this.inquiryEmails = inquiryEmails;
		this.delivery = delivery;
	}

	@KafkaListener(id = "appointment-emails", topics = "appointments",
			containerFactory = NotificationsKafkaConfiguration.APPOINTMENTS_FACTORY)
	void onDecision(ConsumerRecord<AppointmentId, AppointmentEvent> record) {
		String eventId = CloudEvents.header(record.headers(), CloudEvents.ID);
		this.appointmentEmails.compose(record.value())
			.ifPresent((email) -> this.delivery.deliver(record.key(), eventId, email));
	}

	@KafkaListener(id = "inquiry-emails", topics = "contact-inquiries",
			containerFactory = NotificationsKafkaConfiguration.INQUIRIES_FACTORY)
	void onInquiry(ConsumerRecord<InquiryId, ContactInquiryReceived> record) {
		String eventId = CloudEvents.header(record.headers(), CloudEvents.ID);
		this.delivery.deliver(null, eventId, this.inquiryEmails.acknowledgement(record.value()));
	}

}
