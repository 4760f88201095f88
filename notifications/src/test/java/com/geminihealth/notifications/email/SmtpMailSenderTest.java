package com.geminihealth.notifications.email;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Properties;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.mail.MailSendException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Jakarta Mail's real SMTP client against a server following a script. */
class SmtpMailSenderTest {

	private final ScriptedSmtpServer server;

	private final SmtpMailSender sender = new SmtpMailSender();

	SmtpMailSenderTest() throws Exception {
		this.server = new ScriptedSmtpServer();
	}

	@BeforeEach
	void pointAtTheServer() {
		this.sender.setHost("localhost");
		this.sender.setPort(this.server.port());
		Properties properties = new Properties();
		properties.setProperty("mail.smtp.localhost", "localhost");
		this.sender.setJavaMailProperties(properties);
	}

	@AfterEach
	void stop() throws Exception {
		this.sender.destroy();
		this.server.close();
	}

	@Test
	void sendsManyEmailsOverOneConnection() throws Exception {
		for (int i = 0; i < 5; i++) {
			this.sender.send(email("patient" + i + "@example.com"));
		}

		assertThat(this.server.accepted()).hasSize(5);
		assertThat(this.server.connections()).isEqualTo(1);
	}

	@Test
	void aRefusedRecipientIsRecognisedAsPermanentAndTheNextEmailStillGoes() throws Exception {
		MailSendException refused = catchThrowableOfType(MailSendException.class,
				() -> this.sender.send(email("nobody@example.com")));
		this.sender.send(email("patient@example.com"));

		assertThat(EmailListeners.addressRejected(refused)).isTrue();
		assertThat(this.server.accepted()).containsExactly("patient@example.com");
	}

	@Test
	void aServerThatCannotBeReachedIsAPassingFailure() throws Exception {
		// A port bound but never listened on refuses every connection, and, unlike a
		// closed server's port, cannot be taken by another process meanwhile.
		try (Socket boundNotListening = new Socket()) {
			boundNotListening.setReuseAddress(false);
			boundNotListening.bind(new InetSocketAddress(0));
			this.sender.setPort(boundNotListening.getLocalPort());

			MailSendException unreachable = catchThrowableOfType(MailSendException.class,
					() -> this.sender.send(email("patient@example.com")));

			assertThat(unreachable).isNotNull();
			assertThat(EmailListeners.addressRejected(unreachable)).isFalse();
		}
	}

	@Test
	void aDroppedConnectionFailsOneEmailAndTheNextOpensANewOne() throws Exception {
		this.sender.send(email("first@example.com"));
		this.server.dropConnections();

		MailSendException dropped = catchThrowableOfType(MailSendException.class,
				() -> this.sender.send(email("never@example.com")));
		this.sender.send(email("second@example.com"));

		assertThat(EmailListeners.addressRejected(dropped)).isFalse();
		assertThat(EmailListeners.answerLost(dropped)).as("dropped before the message was sent").isFalse();
		assertThat(this.server.accepted()).containsExactly("first@example.com", "second@example.com");
		assertThat(this.server.connections()).isEqualTo(2);
	}

	@Test
	void aConnectionDroppedOnceTheMessageWasSentLeavesItsFateUnknown() throws Exception {
		MailSendException dropped = catchThrowableOfType(MailSendException.class,
				() -> this.sender.send(email("lost@example.com")));
		assertThat(this.server.accepted()).containsExactly("lost@example.com");
		assertThat(EmailListeners.answerLost(dropped)).isTrue();
		assertThat(EmailListeners.addressRejected(dropped)).isFalse();
	}

	private MimeMessage email(String to) throws MessagingException {
		MimeMessage message = this.sender.createMimeMessage();
		message.setFrom(new InternetAddress("appointments@geminihealth.example"));
		message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
		message.setSubject("Your appointment is confirmed");
		message.setText("Hello");
		return message;
	}

}
