package com.geminihealth.benchmarks;

import java.io.IOException;
import java.net.Socket;
import java.net.SocketException;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.mail.MovingMessage;
import com.icegreen.greenmail.smtp.SmtpServer;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.user.UserImpl;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;

/**
 * The two providers, stubbed at the wire for a whole-pipeline benchmark: Twilio's
 * Messages API as a local HTTP server answering 201 with a message SID (the real Twilio
 * SDK calls it), and SMTP by GreenMail (the real Jakarta Mail client talks to it), which
 * takes each email and keeps nothing, as a remote mail server would do the storing on its
 * own CPU. Both tell a {@link Listener} what arrived, for whom and when. Nagle's
 * algorithm is off on both, or the client's delayed ACK would add ~40 ms to answers that
 * a real provider writes at once.
 */
public final class ProviderStubs implements AutoCloseable {

	/** Where every email goes once GreenMail has received it: nowhere. */
	private static final GreenMailUser RECEIVED = new UserImpl("received@example.com", "received", "received", null) {

		@Override
		public void deliver(MovingMessage message) {
		}

	};

	private final TwilioApiStub twilio;

	private final SmtpServer smtp;

	private final Listener listener;

	private ProviderStubs(Listener listener) throws IOException, InterruptedException {
		this.listener = listener;
		this.twilio = TwilioApiStub.start(listener::text);
		Managers mail = new Managers();
		mail.getUserManager().setMessageDeliveryHandler((message, recipient) -> {
			long nanos = System.nanoTime();
			long millis = System.currentTimeMillis();
			String subject;
			try {
				subject = message.getMessage().getSubject();
			}
			catch (MessagingException ex) {
				subject = "";
			}
			this.listener.email(recipient.getEmail(), subject, nanos, millis);
			return RECEIVED;
		});
		this.smtp = new NoDelaySmtpServer(new ServerSetup(0, "localhost", ServerSetup.PROTOCOL_SMTP), mail);
		this.smtp.startService();
		if (!this.smtp.waitTillRunning(10_000)) {
			throw new IllegalStateException("GreenMail's SMTP server did not start");
		}
	}

	public static ProviderStubs start(Listener listener) throws IOException, InterruptedException {
		return new ProviderStubs(listener);
	}

	/** The base URL the notifications service's Twilio client is pointed at. */
	public String twilioBaseUrl() {
		return this.twilio.baseUrl();
	}

	public int smtpPort() {
		return this.smtp.getPort();
	}

	@Override
	public void close() {
		this.twilio.close();
		this.smtp.stopService();
	}

	/** What reached a provider: called on the stubs' threads. */
	public interface Listener extends TwilioApiStub.Listener {

		void email(String to, String subject, long nanos, long millis);

	}

	/**
	 * GreenMail's SMTP server with Nagle's algorithm off: it writes a multi-line reply
	 * (the EHLO's) line by line.
	 */
	private static final class NoDelaySmtpServer extends SmtpServer {

		NoDelaySmtpServer(ServerSetup setup, Managers managers) {
			super(setup, managers);
		}

		@Override
		protected void handleClientSocket(Socket socket) throws SocketException {
			socket.setTcpNoDelay(true);
			super.handleClientSocket(socket);
		}

	}

}
