package com.geminihealth.notifications.email;

import java.time.Duration;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Sends over SMTP on one connection per sending thread, where {@link JavaMailSenderImpl}
 * connects, greets, authenticates and quits for every email. A connection idle for longer
 * than {@link #IDLE_LIMIT} is replaced before use, well inside the minutes a server waits
 * before dropping an idle client, and one that fails is closed, so that the next email
 * opens a new one.
 */
class SmtpMailSender extends JavaMailSenderImpl implements DisposableBean {

	static final Duration IDLE_LIMIT = Duration.ofSeconds(30);

	private final ThreadLocal<Connection> connections = new ThreadLocal<>();

	private final Set<Connection> open = ConcurrentHashMap.newKeySet();

	@Override
	protected void doSend(MimeMessage[] messages, Object[] originals) {
		Map<Object, Exception> failures = new LinkedHashMap<>();
		for (int i = 0; i < messages.length; i++) {
			try {
				sendOnOpenConnection(messages[i]);
			}
			catch (MessagingException ex) {
				failures.put((originals != null) ? originals[i] : messages[i], ex);
			}
		}
		if (!failures.isEmpty()) {
			throw new MailSendException(failures);
		}
	}

	private void sendOnOpenConnection(MimeMessage message) throws MessagingException {
		if (message.getSentDate() == null) {
			message.setSentDate(new Date());
		}
		String messageId = message.getMessageID();
		message.saveChanges();
		if (messageId != null) {
			message.setHeader("Message-ID", messageId);
		}
		Connection connection = connection();
		try {
			connection.transport.sendMessage(message, message.getAllRecipients());
			connection.lastUsed = System.nanoTime();
		}
		catch (MessagingException ex) {
			close(connection);
			throw ex;
		}
	}

	private Connection connection() {
		Connection connection = this.connections.get();
		if (connection != null && System.nanoTime() - connection.lastUsed < IDLE_LIMIT.toNanos()) {
			return connection;
		}
		if (connection != null) {
			close(connection);
		}
		try {
			connection = new Connection(connectTransport());
		}
		catch (AuthenticationFailedException ex) {
			throw new MailAuthenticationException(ex);
		}
		catch (MessagingException ex) {
			throw new MailSendException("Mail server connection failed", ex);
		}
		this.connections.set(connection);
		this.open.add(connection);
		return connection;
	}

	private void close(Connection connection) {
		this.connections.remove();
		this.open.remove(connection);
		quit(connection);
	}

	/** Says goodbye to the server on every connection still open. */
	@Override
	public void destroy() {
		this.open.forEach(SmtpMailSender::quit);
		this.open.clear();
	}

	private static void quit(Connection connection) {
		try {
			connection.transport.close();
		}
		catch (MessagingException ex) {
			// Closing a broken connection can fail too; it is gone either way.
		}
	}

	private static final class Connection {

		private final Transport transport;

		private long lastUsed = System.nanoTime();

		Connection(Transport transport) {
			this.transport = transport;
		}

	}

}
