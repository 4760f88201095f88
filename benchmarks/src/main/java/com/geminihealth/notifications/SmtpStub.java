package com.geminihealth.notifications;

import java.net.Socket;
import java.net.SocketException;
import java.util.concurrent.atomic.AtomicLong;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.mail.MovingMessage;
import com.icegreen.greenmail.smtp.SmtpServer;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.user.UserImpl;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * An SMTP server (GreenMail) that takes each email and notes when its DATA ended and for
 * whom, against the event the address belongs to. It does not parse the email into a
 * mailbox: a remote SMTP server does that on its own CPU, not on the two cores the
 * service uses here. The integration tests read what is sent from GreenMail's mailboxes.
 * <p>
 * It can be stopped and started again on the same port: while stopped, connections are
 * refused, as from a mail server that is down.
 */
final class SmtpStub implements AutoCloseable {

	/** Where every email goes once GreenMail has received it: nowhere. */
	private static final GreenMailUser RECEIVED = new UserImpl("received@example.com", "received", "received", null) {

		@Override
		public void deliver(MovingMessage message) {
		}

	};

	private final Managers mail = new Managers();

	private final AtomicLong others = new AtomicLong();

	private SmtpServer server;

	private int port;

	SmtpStub(Arrivals arrivals) {
		this.mail.getUserManager().setMessageDeliveryHandler((message, recipient) -> {
			int seq = BenchmarkPatients.seqOfEmail(recipient.getEmail());
			if (seq >= 0) {
				arrivals.email(seq, System.currentTimeMillis());
			}
			else {
				this.others.incrementAndGet();
			}
			return RECEIVED;
		});
	}

	/**
	 * Starts taking connections: on a free port the first time, on the same one after.
	 */
	synchronized SmtpStub start() {
		this.server = new NoDelaySmtpServer(new ServerSetup(this.port, "localhost", ServerSetup.PROTOCOL_SMTP),
				this.mail);
		this.server.startService();
		try {
			if (!this.server.waitTillRunning(10_000)) {
				throw new IllegalStateException("GreenMail's SMTP server did not start on port " + this.port);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		this.port = this.server.getPort();
		return this;
	}

	/**
	 * Closes the port and every open connection: from now on, connections are refused.
	 */
	synchronized void stop() {
		if (this.server != null) {
			this.server.stopService();
			this.server = null;
		}
	}

	int port() {
		return this.port;
	}

	/** Emails received for addresses that belong to no event. */
	long othersReceived() {
		return this.others.get();
	}

	@Override
	public void close() {
		stop();
	}

	/**
	 * GreenMail's SMTP server with Nagle's algorithm off: it writes a multi-line reply
	 * (the EHLO's) line by line, and with the client's delayed ACK each connection would
	 * stall ~40 ms on it, which a mail server that writes its reply at once does not.
	 */
	static final class NoDelaySmtpServer extends SmtpServer {

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
