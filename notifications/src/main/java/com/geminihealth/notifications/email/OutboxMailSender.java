package com.geminihealth.notifications.email;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * For the local run without an SMTP server: each email lands in a folder as an
 * {@code .eml} file, which any mail program opens exactly as the patient would see it.
 */
class OutboxMailSender extends JavaMailSenderImpl {

	private final Path outbox;

	OutboxMailSender(Path outbox) {
		this.outbox = outbox;
	}

	@Override
	protected void doSend(MimeMessage[] messages, Object[] originals) {
		try {
			Files.createDirectories(this.outbox);
			for (MimeMessage message : messages) {
				message.saveChanges();
				try (OutputStream out = Files.newOutputStream(this.outbox.resolve(UUID.randomUUID() + ".eml"))) {
					message.writeTo(out);
				}
			}
		}
		catch (IOException | MessagingException ex) {
			throw new MailSendException("could not write to the outbox " + this.outbox, ex);
		}
	}

}
