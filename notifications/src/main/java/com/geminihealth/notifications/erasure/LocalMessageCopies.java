package com.geminihealth.notifications.erasure;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.function.Predicate;
import java.util.stream.Stream;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

import com.geminihealth.notifications.delivery.TopicTable;
import com.geminihealth.notifications.sms.SmsProperties;
import com.geminihealth.schemas.Topics;
import com.geminihealth.schemas.privacy.ErasureId;
import com.geminihealth.schemas.privacy.ErasureRequested;

/**
 * Removes an erased patient's messages from the files this instance keeps for the local
 * run: the outbox's emails to their address and the sandbox's texts to their number,
 * which the dashboard shows. Every instance reads the whole erasure stream at start and
 * follows it (its files are its own), so an erasure made while it was down is applied
 * when it starts; applying one twice finds nothing left.
 */
@Component
class LocalMessageCopies extends TopicTable<ErasureId, ErasureRequested> {

	private static final Logger logger = LoggerFactory.getLogger(LocalMessageCopies.class);

	private static final Session PARSING = Session.getInstance(new Properties());

	private final Path outbox;

	private final Path sandbox;

	LocalMessageCopies(KafkaAdmin admin, @Value("${notifications.messages.outbox-dir:}") String outbox,
			SmsProperties sms, @Value("${pipeline.data-dir:${java.io.tmpdir}}") Path dataDir) {
		super(admin, Topics.ERASURES);
		this.outbox = outbox.isBlank() ? null : Path.of(outbox);
		// Where the sandbox gateway writes: the same choice as the SMS configuration's.
		this.sandbox = (sms.sandboxDir() != null) ? sms.sandboxDir() : dataDir.resolve("sms-sandbox");
	}

	@Override
	protected void apply(ConsumerRecord<ErasureId, ErasureRequested> record) {
		ErasureRequested erasure = record.value();
		if (erasure == null) {
			return;
		}
		int emails = (erasure.email() != null && this.outbox != null)
				? delete(this.outbox, ".eml", (file) -> emailTo(file, erasure.email())) : 0;
		int texts = (erasure.phone() != null) ? delete(this.sandbox, ".txt", (file) -> textTo(file, erasure.phone()))
				: 0;
		if (emails + texts > 0) {
			logger.info("Erasure {}: removed {} emails from the outbox and {} texts from the sandbox",
					erasure.erasureId(), emails, texts);
		}
	}

	private static int delete(Path folder, String suffix, Predicate<Path> erased) {
		if (!Files.isDirectory(folder)) {
			return 0;
		}
		try (Stream<Path> files = Files.list(folder)) {
			List<Path> matching = files.filter((file) -> file.getFileName().toString().endsWith(suffix))
				.filter(erased)
				.toList();
			for (Path file : matching) {
				Files.deleteIfExists(file);
			}
			return matching.size();
		}
		catch (IOException ex) {
			// The erasure stays on its stream: the next start applies it again.
			logger.warn("Could not erase from {}: {}", folder, ex.getClass().getSimpleName());
			return 0;
		}
	}

	/** Whether the email in {@code file} went to {@code address}, in any case. */
	static boolean emailTo(Path file, String address) {
		try (InputStream in = Files.newInputStream(file)) {
			Address[] recipients = new MimeMessage(PARSING, in).getAllRecipients();
			return recipients != null && Stream.of(recipients)
				.anyMatch((to) -> to instanceof InternetAddress internet
						&& address.equalsIgnoreCase(internet.getAddress()));
		}
		catch (IOException | MessagingException ex) {
			return false;
		}
	}

	/**
	 * Whether the text in {@code file} went to {@code phone}: its first line names it.
	 */
	static boolean textTo(Path file, String phone) {
		try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
			return lines.findFirst().map((first) -> first.equals("To: " + phone)).orElse(false);
		}
		catch (IOException | java.io.UncheckedIOException ex) {
			return false;
		}
	}

}
