package com.geminihealth.notifications.email;

import java.nio.charset.StandardCharsets;

import jakarta.mail.MessagingException;
import jakarta.mail.util.StreamProvider;
import jakarta.mail.internet.MimeMessage;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

import com.geminihealth.notifications.MessageProperties;

/**
 * Sends an {@link Email} over SMTP: text with an HTML alternative, and the invitation as
 * a {@code text/calendar} attachment carrying its method.
 */
@Component
class EmailSender {

	static {
		// Jakarta Mail 2.1 looks its StreamProvider up through ServiceLoader for every
		// multipart and encoded header, scanning the class path's jars each time
		// (jakartaee/mail-api#699, #861): a third of the time to send an email. Named
		// here, it is one class lookup.
		String provider = StreamProvider.class.getName();
		if (System.getProperty(provider) == null) {
			System.setProperty(provider, "org.eclipse.angus.mail.util.MailStreamProvider");
		}
	}

	private final JavaMailSender mail;

	private final MessageProperties properties;

	EmailSender(JavaMailSender mail, MessageProperties properties) {
		this.mail = mail;
		this.properties = properties;
	}

	/** Sends and returns the message's Message-ID. */
	String send(Email email, String notificationId) throws MessagingException {
		MimeMessage message = this.mail.createMimeMessage();
		MimeMessageHelper helper = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
		helper.setFrom(this.properties.from());
		helper.setTo(email.to());
		helper.setSubject(email.subject());
		helper.setText(email.text(), email.html());
		if (email.invite() != null) {
			helper.addAttachment("invite.ics", new ByteArrayResource(email.invite().getBytes(StandardCharsets.UTF_8)),
					"text/calendar; charset=UTF-8; method=" + email.inviteMethod());
		}
		if (email.promotional()) {
			// The front desk reads this mailbox and records the opt-out (RFC 2369).
			message.setHeader("List-Unsubscribe", "<mailto:" + this.properties.from() + "?subject=unsubscribe>");
		}
		message.setHeader("X-Notification-Id", notificationId);
		this.mail.send(message);
		return message.getMessageID();
	}

}
