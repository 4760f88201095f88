package com.geminihealth.notifications;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Twilio's Messages API as a local stub: 201 with a message SID, the moment each request
 * arrives noted against the event its number belongs to.
 */
final class TwilioStub implements AutoCloseable {

	static {
		// The JDK's HTTP server leaves Nagle's algorithm on by default: with the client's
		// delayed ACK every stubbed Twilio answer would wait ~40 ms, which Twilio does
		// not. Read once, when the server class is first used.
		System.setProperty("sun.net.httpserver.nodelay", "true");
	}

	private final HttpServer server;

	private final ExecutorService executor = Executors.newFixedThreadPool(8);

	private final Arrivals arrivals;

	private final AtomicLong sids = new AtomicLong();

	TwilioStub(Arrivals arrivals) throws IOException {
		this.arrivals = arrivals;
		this.server = HttpServer.create(new InetSocketAddress("localhost", 0), 256);
		this.server.setExecutor(this.executor);
		this.server.createContext("/", this::answer);
		this.server.start();
	}

	String baseUrl() {
		return "http://localhost:" + this.server.getAddress().getPort() + "/";
	}

	private void answer(HttpExchange exchange) throws IOException {
		long nanos = System.nanoTime();
		long millis = System.currentTimeMillis();
		String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
		String to = null;
		for (String pair : body.split("&")) {
			if (pair.startsWith("To=")) {
				to = URLDecoder.decode(pair.substring(3), StandardCharsets.UTF_8);
			}
		}
		this.arrivals.sms(BenchmarkPatients.seqOfPhone(to), nanos, millis);
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
		this.executor.shutdownNow();
	}

}
