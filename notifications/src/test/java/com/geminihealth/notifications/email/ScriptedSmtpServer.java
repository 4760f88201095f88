package com.geminihealth.notifications.email;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An SMTP server that speaks just enough of RFC 5321 to accept mail, refuses recipients
 * whose address starts with {@code nobody@} with 550, takes a message to {@code lost@}
 * and drops the connection before answering, and counts the connections it was opened:
 * the behaviour of a real server that GreenMail, which accepts everyone, cannot show.
 */
final class ScriptedSmtpServer implements AutoCloseable {

	private final ServerSocket server = new ServerSocket(0);

	private final AtomicInteger connections = new AtomicInteger();

	private final List<String> accepted = new CopyOnWriteArrayList<>();

	private final List<Socket> clients = new CopyOnWriteArrayList<>();

	ScriptedSmtpServer() throws IOException {
		start(this::acceptClients);
	}

	int port() {
		return this.server.getLocalPort();
	}

	int connections() {
		return this.connections.get();
	}

	/** The recipients of the messages accepted, in order. */
	List<String> accepted() {
		return this.accepted;
	}

	/** Drops every open connection, as a server restarting would. */
	void dropConnections() throws IOException {
		for (Socket client : this.clients) {
			client.close();
		}
		this.clients.clear();
	}

	@Override
	public void close() throws IOException {
		this.server.close();
		dropConnections();
	}

	private void acceptClients() {
		while (!this.server.isClosed()) {
			try {
				Socket client = this.server.accept();
				this.connections.incrementAndGet();
				this.clients.add(client);
				start(() -> converse(client));
			}
			catch (IOException ex) {
				return;
			}
		}
	}

	private static void start(Runnable work) {
		Thread thread = new Thread(work, "scripted-smtp");
		thread.setDaemon(true);
		thread.start();
	}

	private void converse(Socket client) {
		try (client;
				BufferedReader in = new BufferedReader(
						new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
				PrintWriter out = new PrintWriter(client.getOutputStream(), true, StandardCharsets.US_ASCII)) {
			reply(out, "220 scripted ESMTP");
			String recipient = null;
			for (String line = in.readLine(); line != null; line = in.readLine()) {
				String command = line.toUpperCase();
				if (command.startsWith("EHLO") || command.startsWith("HELO")) {
					reply(out, "250 scripted");
				}
				else if (command.startsWith("RCPT TO:")) {
					recipient = line.substring(line.indexOf('<') + 1, line.indexOf('>'));
					reply(out, recipient.startsWith("nobody@") ? "550 5.1.1 no such mailbox" : "250 OK");
				}
				else if (command.equals("DATA")) {
					reply(out, "354 end with <CRLF>.<CRLF>");
					for (String data = in.readLine(); data != null && !data.equals("."); data = in.readLine()) {
						// The message itself is of no interest here.
					}
					this.accepted.add(recipient);
					if (recipient.startsWith("lost@")) {
						// Taken, and the connection drops before the answer leaves.
						return;
					}
					reply(out, "250 OK queued");
				}
				else if (command.equals("QUIT")) {
					reply(out, "221 bye");
					return;
				}
				else {
					reply(out, "250 OK");
				}
			}
		}
		catch (IOException ex) {
			// The client or the test closed the connection.
		}
	}

	private static void reply(PrintWriter out, String line) {
		out.print(line + "\r\n");
		out.flush();
	}

}
