package com.geminihealth.cluster;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Writer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What stands in for the outside world in the local cluster, as Mailpit does in compose:
 * an SMTP sink and a stub of Twilio's Messages API, in one process. Each can be told to
 * fail some of what it is sent, transiently (SMTP 451, HTTP 429 or 503), or to take a
 * message and then drop the connection before answering, so the sender cannot know
 * whether it went out. {@code GET /messages} lists everything taken, one tab-separated
 * line each:
 * {@code channel, notification id, recipient, answer lost (true/false), instant, subject}.
 *
 * <pre>java -cp cluster.jar com.geminihealth.cluster.Sinks SMTP_PORT HTTP_PORT [failure rate] [lost-answer rate]</pre>
 */
public final class Sinks {

	private static final Logger logger = LoggerFactory.getLogger(Sinks.class);

	private final double failureRate;

	private final double lostAnswerRate;

	private final List<String> received = new ArrayList<>();

	private Sinks(double failureRate, double lostAnswerRate) {
		this.failureRate = failureRate;
		this.lostAnswerRate = lostAnswerRate;
	}

	public static void main(String[] args) throws Exception {
		int smtpPort = Integer.parseInt(args[0]);
		int httpPort = Integer.parseInt(args[1]);
		double failureRate = (args.length > 2) ? Double.parseDouble(args[2]) : 0;
		double lostAnswerRate = (args.length > 3) ? Double.parseDouble(args[3]) : 0;
		Sinks sinks = new Sinks(failureRate, lostAnswerRate);
		HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), httpPort), 256);
		http.setExecutor(Executors.newFixedThreadPool(16));
		http.createContext("/2010-04-01/", sinks::twilio);
		http.createContext("/messages", sinks::messages);
		http.start();
		ServerSocket smtp = new ServerSocket(smtpPort, 256, InetAddress.getLoopbackAddress());
		logger.info("SMTP sink on {}, Twilio stub and /messages on {}, failing {} and losing {} of the answers",
				smtpPort, httpPort, failureRate, lostAnswerRate);
		while (true) {
			Socket socket = smtp.accept();
			Thread connection = new Thread(() -> sinks.smtp(socket), "smtp-" + socket.getPort());
			connection.setDaemon(true);
			connection.start();
		}
	}

	private boolean failNow() {
		return ThreadLocalRandom.current().nextDouble() < this.failureRate;
	}

	private boolean loseAnswerNow() {
		return ThreadLocalRandom.current().nextDouble() < this.lostAnswerRate;
	}

	private synchronized void record(String channel, String notification, String to, boolean answerLost,
			String subject) {
		this.received.add(String.join("\t", channel, String.valueOf(notification), String.valueOf(to),
				String.valueOf(answerLost), Instant.now().toString(), String.valueOf(subject).replaceAll("\\s", " ")));
	}

	private void messages(HttpExchange exchange) throws IOException {
		byte[] body;
		synchronized (this) {
			body = (String.join("\n", this.received) + "\n").getBytes(StandardCharsets.UTF_8);
		}
		exchange.getResponseHeaders().add("Content-Type", "text/tab-separated-values; charset=utf-8");
		exchange.sendResponseHeaders(200, body.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

	/**
	 * {@code POST /twilio/2010-04-01/Accounts/{sid}/Messages.json}, as the SDK sends it.
	 */
	private void twilio(HttpExchange exchange) throws IOException {
		try (exchange) {
			String path = exchange.getRequestURI().getPath();
			if (!"POST".equals(exchange.getRequestMethod()) || !path.endsWith("/Messages.json")) {
				answer(exchange, 404, "{\"code\":20404,\"message\":\"not found\",\"status\":404}");
				return;
			}
			Map<String, String> form = form(
					new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
			if (failNow()) {
				boolean throttled = ThreadLocalRandom.current().nextBoolean();
				answer(exchange, throttled ? 429 : 503,
						throttled ? "{\"code\":20429,\"message\":\"Too Many Requests\",\"status\":429}"
								: "{\"code\":20503,\"message\":\"Service Unavailable\",\"status\":503}");
				return;
			}
			String callback = form.getOrDefault("StatusCallback", "");
			int at = callback.indexOf("notification=");
			String notification = (at >= 0)
					? URLDecoder.decode(callback.substring(at + "notification=".length()), StandardCharsets.UTF_8)
					: null;
			boolean lose = loseAnswerNow();
			record("sms", notification, form.get("To"), lose, form.get("Body"));
			if (lose) {
				// Taken, but the sender never hears so: closing without a status line.
				return;
			}
			String sid = "SM" + UUID.randomUUID().toString().replace("-", "");
			answer(exchange, 201, """
					{"sid":"%s","status":"queued","to":"%s","from":"%s","body":"","num_segments":"1",\
					"date_created":"Fri, 04 Dec 2026 00:00:00 +0000","uri":"/2010-04-01/Accounts/x/Messages/%s.json"}"""
				.formatted(sid, form.get("To"), form.getOrDefault("From", ""), sid));
		}
	}

	private static void answer(HttpExchange exchange, int status, String json) throws IOException {
		byte[] body = json.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, body.length);
		exchange.getResponseBody().write(body);
	}

	private static Map<String, String> form(String body) {
		Map<String, String> form = new HashMap<>();
		for (String pair : body.split("&")) {
			int eq = pair.indexOf('=');
			if (eq > 0) {
				form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
						URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
			}
		}
		return form;
	}

	/** Just enough SMTP for Jakarta Mail: one or more messages a connection. */
	private void smtp(Socket socket) {
		try (socket;
				BufferedReader in = new BufferedReader(
						new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
				Writer out = new java.io.OutputStreamWriter(socket.getOutputStream(), StandardCharsets.ISO_8859_1)) {
			reply(out, "220 localhost ESMTP sink");
			String line;
			while ((line = in.readLine()) != null) {
				String command = line.toUpperCase();
				if (command.startsWith("EHLO") || command.startsWith("HELO")) {
					reply(out, "250 localhost");
				}
				else if (command.startsWith("MAIL")) {
					reply(out, failNow() ? "451 4.3.0 try again later" : "250 OK");
				}
				else if (command.startsWith("RCPT")) {
					reply(out, "250 OK");
				}
				else if (command.startsWith("DATA")) {
					reply(out, "354 end with <CRLF>.<CRLF>");
					Map<String, String> headers = new HashMap<>();
					boolean inHeaders = true;
					while ((line = in.readLine()) != null && !line.equals(".")) {
						if (inHeaders && line.isEmpty()) {
							inHeaders = false;
						}
						else if (inHeaders && line.indexOf(':') > 0 && !Character.isWhitespace(line.charAt(0))) {
							headers.putIfAbsent(line.substring(0, line.indexOf(':')).toLowerCase(),
									line.substring(line.indexOf(':') + 1).strip());
						}
					}
					boolean lose = loseAnswerNow();
					record("email", headers.get("x-notification-id"), headers.get("to"), lose, headers.get("subject"));
					if (lose) {
						return;
					}
					reply(out, "250 OK queued");
				}
				else if (command.startsWith("QUIT")) {
					reply(out, "221 bye");
					return;
				}
				else {
					reply(out, "250 OK");
				}
			}
		}
		catch (IOException ex) {
			// the sender went away; whatever it sent is recorded
		}
	}

	private static void reply(Writer out, String line) throws IOException {
		out.write(line + "\r\n");
		out.flush();
	}

}
