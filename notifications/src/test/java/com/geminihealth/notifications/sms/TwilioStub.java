package com.geminihealth.notifications.sms;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A local stand-in for Twilio's Messages API that answers like Twilio: 201 with a message
 * SID, 400 with error 21610 for an opted-out number, 503 for a number in an outage or for
 * the first {@link #FLAKY_FAILURES} texts to a flaky one. It keeps every request's form
 * fields, path and Authorization header, and the SID of each text it accepted.
 */
public final class TwilioStub implements AutoCloseable {

	static final String OPTED_OUT_NUMBER = "+12895550000";

	static final String OUTAGE_NUMBER = "+12895550503";

	static final String FLAKY_NUMBER = "+12895550504";

	/** Another number in an outage, for a test of its own. */
	static final String SECOND_OUTAGE_NUMBER = "+12895550513";

	static final int FLAKY_FAILURES = 4;

	/** A number whose texts Twilio takes, but answers only after {@link #SLOW_ANSWER}. */
	static final String SLOW_NUMBER = "+12895550408";

	static final Duration SLOW_ANSWER = Duration.ofSeconds(3);

	private volatile Hold hold;

	private volatile boolean refusingCredentials;

	private final List<Map<String, String>> requests = new CopyOnWriteArrayList<>();

	private final HttpServer server;

	public TwilioStub() {
		try {
			this.server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		this.server.createContext("/", this::answer);
		// A request held or answered slowly must not hold up the others.
		this.server.setExecutor(Executors.newCachedThreadPool());
		this.server.start();
	}

	/** The API base URL to give the SDK. */
	public String baseUrl() {
		return "http://localhost:" + this.server.getAddress().getPort() + "/";
	}

	public List<Map<String, String>> requests() {
		return this.requests;
	}

	/** How many texts were asked for to {@code number}. */
	public long textsTo(String number) {
		return this.requests.stream().filter((sent) -> number.equals(sent.get("To"))).count();
	}

	/** The SIDs of the texts to {@code number} that were accepted, in order. */
	public List<String> acceptedTo(String number) {
		return this.requests.stream()
			.filter((sent) -> number.equals(sent.get("To")) && sent.get("sid") != null)
			.map((sent) -> sent.get("sid"))
			.toList();
	}

	/**
	 * Answers every request 401 (error 20003, authentication failed), as Twilio does
	 * after the auth token was rotated and before the operator updates it; {@code false}
	 * is the fix.
	 */
	public void refuseCredentials(boolean refusing) {
		this.refusingCredentials = refusing;
	}

	/**
	 * Takes the first text whose request matches {@code which}, as Twilio would (it is
	 * counted among the requests, with its SID), and holds its answer until
	 * {@link Hold#release()}: the moment between the provider's accept and the sender
	 * hearing of it.
	 */
	public Hold holdTheAnswerToTheFirst(Predicate<Map<String, String>> which) {
		Hold held = new Hold(which);
		this.hold = held;
		return held;
	}

	@Override
	public void close() {
		Hold held = this.hold;
		if (held != null) {
			held.release();
		}
		this.server.stop(0);
	}

	/** An answer held back, and the request it answers. */
	public static final class Hold {

		private final Predicate<Map<String, String>> which;

		private final CountDownLatch taken = new CountDownLatch(1);

		private final CountDownLatch released = new CountDownLatch(1);

		private volatile Map<String, String> request;

		Hold(Predicate<Map<String, String>> which) {
			this.which = which;
		}

		/** The request whose answer is held, once one came. */
		public Map<String, String> awaitRequest(Duration timeout) throws InterruptedException {
			return this.taken.await(timeout.toMillis(), TimeUnit.MILLISECONDS) ? this.request : null;
		}

		public void release() {
			this.released.countDown();
		}

		private synchronized boolean claim(Map<String, String> request) {
			if (this.request != null || !this.which.test(request)) {
				return false;
			}
			this.request = request;
			return true;
		}

	}

	private void answer(HttpExchange exchange) throws IOException {
		String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
		Map<String, String> request = new HashMap<>(body.isEmpty() ? Map.of()
				: Arrays.stream(body.split("&"))
					.map((pair) -> pair.split("=", 2))
					.collect(Collectors.toMap((pair) -> decode(pair[0]), (pair) -> decode(pair[1]), (a, b) -> b)));
		String to = request.get("To");
		request.put("path", exchange.getRequestURI().getPath());
		request.put("receivedAt", String.valueOf(System.currentTimeMillis()));
		request.put("authorization", exchange.getRequestHeaders().getFirst("Authorization"));
		boolean optedOut = OPTED_OUT_NUMBER.equals(to);
		boolean outage = OUTAGE_NUMBER.equals(to) || SECOND_OUTAGE_NUMBER.equals(to)
				|| (FLAKY_NUMBER.equals(to) && textsTo(to) < FLAKY_FAILURES);
		boolean refused = this.refusingCredentials;
		int status = refused ? 401 : optedOut ? 400 : outage ? 503 : 201;
		String sid = (status == 201) ? "SM" + UUID.randomUUID().toString().replace("-", "") : null;
		String json = refused ? "{\"code\": 20003, \"message\": \"Authenticate\", \"status\": 401}" : optedOut
				? "{\"code\": 21610, \"message\": \"Attempt to send to unsubscribed recipient\", \"status\": 400}"
				: outage ? "{\"code\": 20500, \"message\": \"Internal server error\", \"status\": 503}"
						: "{\"sid\": \"" + sid + "\", \"status\": \"queued\", \"to\": \"" + to + "\"}";
		if (sid != null) {
			request.put("sid", sid);
		}
		this.requests.add(request);
		Hold held = this.hold;
		if (held != null && held.claim(request)) {
			held.taken.countDown();
			awaitQuietly(held.released, Duration.ofMinutes(5));
		}
		if (SLOW_NUMBER.equals(to)) {
			awaitQuietly(new CountDownLatch(1), SLOW_ANSWER);
		}
		byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		exchange.getResponseBody().write(bytes);
		exchange.close();
	}

	private static void awaitQuietly(CountDownLatch latch, Duration timeout) {
		try {
			latch.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static String decode(String text) {
		return URLDecoder.decode(text, StandardCharsets.UTF_8);
	}

}
