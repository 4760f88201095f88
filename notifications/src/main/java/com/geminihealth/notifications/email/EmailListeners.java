package com.geminihealth.notifications.email;

import java.net.SocketTimeoutException;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.stereotype.Component;

import com.geminihealth.notifications.NotificationsKafkaConfiguration;
import com.geminihealth.notifications.delivery.NotificationDelivery;
import com.geminihealth.notifications.delivery.NotificationRetries;
import com.geminihealth.notifications.delivery.Trigger;
import com.geminihealth.schemas.Topics;
import com.geminihealth.schemas.appointment.AppointmentEvent;
import com.geminihealth.schemas.booking.AppointmentId;
import com.geminihealth.schemas.inquiry.ContactInquiryReceived;
import com.geminihealth.schemas.inquiry.InquiryId;
import com.geminihealth.schemas.notification.NotificationId;
import com.geminihealth.schemas.patient.PatientContact;
import com.geminihealth.schemas.plan.TreatmentPlan;
import com.geminihealth.schemas.reminder.DueNotice;
import com.geminihealth.schemas.reminder.Channel;
import com.geminihealth.schemas.waitlist.WaitlistEntryId;
import com.geminihealth.schemas.waitlist.WaitlistEvent;
import com.geminihealth.schemas.waitlist.WaitlistOfferClosed;
import com.geminihealth.schemas.waitlist.WaitlistOffered;

/**
 * Emails patients about appointment decisions, what falls due around them, their
 * treatment plans and the times their waitlist offers them, and acknowledges contact-form
 * inquiries.
 */
@Component
class EmailListeners {

	private static final String DECISIONS = "appointment-emails";

	private static final String INQUIRIES = "inquiry-emails";

	private static final String DUE_NOTICES = "due-notice-emails";

	private static final String TREATMENT_PLANS = "treatment-plan-emails";

	private static final String WAITLIST = "waitlist-emails";

	private final AppointmentEmails appointmentEmails;

	private final InquiryEmails inquiryEmails;

	private final DueNoticeEmails dueNoticeEmails;

	private final TreatmentPlanEmails treatmentPlanEmails;

	private final WaitlistEmails waitlistEmails;

	private final EmailSender sender;

	private final NotificationDelivery delivery;

	EmailListeners(AppointmentEmails appointmentEmails, InquiryEmails inquiryEmails, DueNoticeEmails dueNoticeEmails,
			TreatmentPlanEmails treatmentPlanEmails, WaitlistEmails waitlistEmails, EmailSender sender,
			NotificationDelivery delivery, NotificationRetries retries) {
		this.appointmentEmails = appointmentEmails;
		this.inquiryEmails = inquiryEmails;
		this.dueNoticeEmails = dueNoticeEmails;
		this.treatmentPlanEmails = treatmentPlanEmails;
		this.waitlistEmails = waitlistEmails;
		this.sender = sender;
		this.delivery = delivery;
		retries.register(DECISIONS, Topics.APPOINTMENTS, this::onDecision);
		retries.register(INQUIRIES, Topics.CONTACT_INQUIRIES, this::onInquiry);
		retries.register(DUE_NOTICES, Topics.DUE_NOTICES, this::onDue);
		retries.register(TREATMENT_PLANS, Topics.TREATMENT_PLANS, this::onPlan);
		retries.register(WAITLIST, Topics.WAITLIST, this::onWaitlist);
	}

	@KafkaListener(id = DECISIONS, topics = "appointments",
			containerFactory = NotificationsKafkaConfiguration.APPOINTMENTS_FACTORY)
	void onDecision(ConsumerRecord<AppointmentId, AppointmentEvent> record) {
		this.appointmentEmails.compose(record.value())
			.ifPresent((email) -> deliver(record.key(), Trigger.of(record), email));
	}

	@KafkaListener(id = INQUIRIES, topics = "contact-inquiries",
			containerFactory = NotificationsKafkaConfiguration.INQUIRIES_FACTORY)
	void onInquiry(ConsumerRecord<InquiryId, ContactInquiryReceived> record) {
		if (record.value() == null) {
			return; // the tombstone of an erased patient's inquiry
		}
		deliver(null, Trigger.of(record), this.inquiryEmails.acknowledgement(record.value()));
	}

	@KafkaListener(id = DUE_NOTICES, topics = "due-notices",
			containerFactory = NotificationsKafkaConfiguration.DUE_NOTICES_FACTORY)
	void onDue(ConsumerRecord<AppointmentId, DueNotice> record) {
		if (record.value() == null) {
			return; // the tombstone of an erased patient's notice
		}
		this.dueNoticeEmails.compose(record.value())
			.ifPresent((email) -> this.delivery.deliver(record.value(), Trigger.of(record), email.purpose(),
					Channel.EMAIL, email.to(), (id) -> send(email, id)));
	}

	/**
	 * A plan recorded or adjusted: its summary by email, never by text. The outcome names
	 * the assessment the plan followed, so the front desk sees it beside that
	 * appointment.
	 */
	@KafkaListener(id = TREATMENT_PLANS, topics = "treatment-plans",
			containerFactory = NotificationsKafkaConfiguration.TREATMENT_PLANS_FACTORY)
	void onPlan(ConsumerRecord<PatientContact, TreatmentPlan> record) {
		if (record.value() == null) {
			return; // the tombstone of an erased patient's plan
		}
		this.treatmentPlanEmails.compose(record.value())
			.ifPresent((email) -> deliver(record.value().assessment(), Trigger.of(record), email));
	}

	/**
	 * A freed time offered to the patient, or an offer they lost. The outcome names the
	 * offer: the appointment it becomes if claimed.
	 */
	@KafkaListener(id = WAITLIST, topics = "waitlist",
			containerFactory = NotificationsKafkaConfiguration.WAITLIST_FACTORY)
	void onWaitlist(ConsumerRecord<WaitlistEntryId, WaitlistEvent> record) {
		if (record.value() instanceof WaitlistOffered offered) {
			this.waitlistEmails.compose(offered)
				.ifPresent((email) -> deliver(offered.offer(), Trigger.of(record), email));
		}
		else if (record.value() instanceof WaitlistOfferClosed closed) {
			this.waitlistEmails.compose(closed)
				.ifPresent((email) -> deliver(closed.offer(), Trigger.of(record), email));
		}
	}

	private void deliver(AppointmentId appointment, Trigger trigger, Email email) {
		this.delivery.deliver(appointment, trigger, email.purpose(), Channel.EMAIL, email.to(),
				(id) -> send(email, id));
	}

	private String send(Email email, NotificationId id) {
		try {
			return this.sender.send(email, id.value());
		}
		catch (MailSendException ex) {
			if (addressRejected(ex)) {
				throw new NotificationDelivery.PermanentFailure("the mail server rejected the address", null, ex);
			}
			if (answerLost(ex)) {
				throw new NotificationDelivery.OutcomeUnknown("the mail server did not answer in time", ex);
			}
			// The server could not be reached or refused for now: the listener retries.
			throw ex;
		}
		catch (MailAuthenticationException ex) {
			// Credentials refused: a configuration fault an operator fixes in minutes,
			// not the message's; retried until its horizon like an outage.
			throw ex;
		}
		catch (MessagingException | MailException ex) {
			throw new NotificationDelivery.PermanentFailure(ex.getClass().getSimpleName(), null, ex);
		}
	}

	/**
	 * Whether the server stopped answering once the connection was open, or dropped it
	 * after the whole message had been sent (no reply at all to its closing dot): the
	 * message may have been taken (SMTP gives no way to ask), so it is not sent again. A
	 * server that could not be reached at all, dropped the connection before the message
	 * was over, or answered with a refusal fails otherwise, safe to retry.
	 */
	static boolean answerLost(MailSendException failure) {
		return failure.getFailedMessages().values().stream().anyMatch(EmailListeners::answerLost);
	}

	private static boolean answerLost(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof SocketTimeoutException || (cause instanceof SMTPSendFailedException unanswered
					&& ".".equals(unanswered.getCommand()) && unanswered.getReturnCode() < 200)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether the server refused the recipient for good (a 5xx reply to RCPT, such as 550
	 * no such mailbox); a 4xx reply leaves the address among the valid ones, to be tried
	 * again.
	 */
	static boolean addressRejected(MailSendException failure) {
		return failure.getFailedMessages()
			.values()
			.stream()
			.anyMatch((cause) -> cause instanceof SendFailedException refused && refused.getInvalidAddresses() != null
					&& refused.getInvalidAddresses().length > 0);
	}

}
