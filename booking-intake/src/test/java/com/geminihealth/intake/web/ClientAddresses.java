package com.geminihealth.intake.web;

import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Gives each test its own client address, so the per-address rate limit only ever counts
 * the requests of the test that is about it.
 */
public final class ClientAddresses {

	private static final AtomicInteger next = new AtomicInteger(1);

	private ClientAddresses() {
	}

	public static RequestPostProcessor fresh() {
		return from(next());
	}

	/** An address no other request of the test run comes from. */
	public static String next() {
		int n = next.getAndIncrement();
		return "10.0." + (n / 250) + "." + (n % 250 + 1);
	}

	/** A request whose peer (the socket's other end) is {@code address}. */
	public static RequestPostProcessor from(String address) {
		return (request) -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

}
