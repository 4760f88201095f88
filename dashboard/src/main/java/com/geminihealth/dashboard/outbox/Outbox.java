package com.geminihealth.dashboard.outbox;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

import com.geminihealth.dashboard.DashboardProperties;

/**
 * The local run's outbox and SMS sandbox, where the notifications service writes what a
 * patient would receive when no SMTP server or Twilio account is configured: read from
 * the same folders, newest first.
 */
@Component
class Outbox {

	private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9_-]+\\.(eml|txt)");

	private static final int SHOWN = 100;

	private static final Logger logger = LoggerFactory.getLogger(Outbox.class);

	private final Path emails;

	private final Path texts;

	Outbox(DashboardProperties properties) {
		this.emails = properties.outboxDir();
		this.texts = properties.smsSandboxDir();
		logger.info("Outbox view reads emails from {} and texts from {}", this.emails, this.texts);
	}

	List<Entry> emails() {
		return list(this.emails, ".eml").stream().map(this::summary).toList();
	}

	List<Entry> texts() {
		return list(this.texts, ".txt").stream().map(this::text).toList();
	}

	Optional<Email> email(String name) {
		if (this.emails == null || !SAFE_NAME.matcher(name).matches() || !name.endsWith(".eml")) {
			return Optional.empty();
		}
		Path file = this.emails.resolve(name);
		if (!Files.isRegularFile(file)) {
			return Optional.empty();
		}
		try (InputStream in = Files.newInputStream(file)) {
			MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), in);
			Bodies bodies = new Bodies();
			bodies.collect(message);
			return Optional.of(new Email(name, message.getSubject(), String.join(", ", addresses(message, true)),
					String.join(", ", addresses(message, false)), modified(file), bodies.text, bodies.html,
					bodies.attachments));
		}
		catch (IOException | MessagingException ex) {
			return Optional.empty();
		}
	}

	private List<Path> list(Path folder, String suffix) {
		if (folder == null || !Files.isDirectory(folder)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(folder)) {
			return files.filter((file) -> file.getFileName().toString().endsWith(suffix))
				.sorted(Comparator.comparing(Outbox::modified).reversed())
				.limit(SHOWN)
				.toList();
		}
		catch (IOException ex) {
			return List.of();
		}
	}

	private Entry summary(Path file) {
		String name = file.getFileName().toString();
		try (InputStream in = Files.newInputStream(file)) {
			MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), in);
			return new Entry(name, message.getSubject(), String.join(", ", addresses(message, false)), modified(file),
					null);
		}
		catch (IOException | MessagingException ex) {
			return new Entry(name, "(unreadable)", "", modified(file), null);
		}
	}

	private Entry text(Path file) {
		String name = file.getFileName().toString();
		try {
			String content = Files.readString(file, StandardCharsets.UTF_8);
			int split = content.indexOf("\n\n");
			String to = (content.startsWith("To: ") && split > 0) ? content.substring(4, split).strip() : "";
			String body = (split > 0) ? content.substring(split + 2).strip() : content.strip();
			return new Entry(name, null, to, modified(file), body);
		}
		catch (IOException ex) {
			return new Entry(name, null, "", modified(file), "(unreadable)");
		}
	}

	private static List<String> addresses(MimeMessage message, boolean from) throws MessagingException {
		var addresses = from ? message.getFrom() : message.getRecipients(Message.RecipientType.TO);
		return (addresses != null) ? Stream.of(addresses).map(Object::toString).toList() : List.of();
	}

	private static Instant modified(Path file) {
		try {
			return Files.getLastModifiedTime(file).toInstant();
		}
		catch (IOException ex) {
			return Instant.EPOCH;
		}
	}

	/** A message in the list: an email's subject, or a text's body. */
	record Entry(String name, String subject, String to, Instant at, String body) {
	}

	/** An email as its recipient would read it. */
	record Email(String name, String subject, String from, String to, Instant at, String text, String html,
			List<String> attachments) {
	}

	private static final class Bodies {

		private String text;

		private String html;

		private final List<String> attachments = new java.util.ArrayList<>();

		void collect(Part part) throws MessagingException, IOException {
			if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || part.isMimeType("text/calendar")) {
				this.attachments.add(part.getContentType().split(";")[0]
						+ ((part.getFileName() != null) ? " (" + part.getFileName() + ")" : ""));
			}
			else if (part.isMimeType("text/plain") && this.text == null) {
				this.text = (String) part.getContent();
			}
			else if (part.isMimeType("text/html") && this.html == null) {
				this.html = (String) part.getContent();
			}
			else if (part.isMimeType("multipart/*")) {
				Multipart multipart = (Multipart) part.getContent();
				for (int i = 0; i < multipart.getCount(); i++) {
					BodyPart child = multipart.getBodyPart(i);
					collect(child);
				}
			}
		}

	}

}
