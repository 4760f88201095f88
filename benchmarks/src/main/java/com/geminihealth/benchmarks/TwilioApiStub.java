package com.geminihealth.benchmarks;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Twilio's Messages API as a local HTTP server for benchmarks: each request is answered
 * 201 with a message SID at once, as Twilio does, and told to a {@link Listener} with the
 * moment it arrived. The real Twilio SDK calls it.
 */
public final class TwilioApiStub implements AutoCloseable {

	static {
		// The JDK's HTTP server leaves Nagle's algorithm on by default: with the client's
		// delayed ACK every answer would wait ~40 ms, which Twilio's do not. Read once,
		// when the server class is first used.
		System.setProperty("sun.net.httpserver.nodelay", "true");
	}

	private final HttpServer server;

	private final ExecutorService threads;

	private final AtomicLong sids = new AtomicLong();

	private final Listener listener;

	private TwilioApiStub(Listener listener) throws IOException {
		this.listener = listener;
		AtomicInteger count = new AtomicInteger();
		this.threads = Executors.newFixedThreadPool(8,
				(task) -> new Thread(task, "stub-twilio-" + count.incrementAndGet()));
		this.server = HttpServer.create(new InetSocketAddress("localhost", 0), 256);
		this.server.setExecutor(this.threads);
		this.server.createContext("/", this::answer);
		this.server.start();
	}

	public static TwilioApiStub start(Listener listener) throws IOException {
		return new TwilioApiStub(listener);
	}

	/** The base URL the notifications service's Twilio client is pointed at. */
	public String baseUrl() {
		return "http://localhost:" + this.server.getAddress().getPort() + "/";
	}

	private void answer(HttpExchange exchange) throws IOException {
		long nanos = System.nanoTime();
		long millis = System.currentTimeMillis();
		String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
		String to = null;
		String text = "";
		for (String pair : body.split("&")) {
			if (pair.startsWith("To=")) {
				to = URLDecoder.decode(pair.substring(3), StandardCharsets.UTF_8);
			}
			else if (pair.startsWith("Body=")) {
				text = URLDecoder.decode(pair.substring(5), StandardCharsets.UTF_8);
			}
		}
		this.listener.text(to, text, nanos, millis);
		String json = "{\"sid\": \"SM" + String.format("%032x", this.sids.incrementAndGet())
				+ "\", \"status\": \"queued\", \"to\": \"" + to + "\"}";
		byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(201, bytes.length);
		exchange.getResponseBody().write(bytes);
		exchange.close();
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.threads.shutdownNow();
	}

	/** A text that reached the stub: called on its threads. */
	@FunctionalInterface
	public interface Listener {

		void text(String to, String body, long nanos, long millis);

	}

}
