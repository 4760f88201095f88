package com.geminihealth.intake.web;

import java.net.URI;

import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;

import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * Asks the instance that owns a key: the same request, once, marked so that the owner
 * answers from its own state instead of forwarding again.
 */
@Component
public class Forwarding {

	/** Set on a forwarded query. */
	public static final String HEADER = "X-Decider-Forwarded";

	private final RestClient http = RestClient.create();

	/**
	 * The owner's answer. An owner still starting up (503), or one that cannot be reached
	 * (gone, its partitions not yet moved to a live instance), is not ready: the caller
	 * answers so, to be asked again, rather than failing.
	 */
	public String get(HostInfo owner, String pathAndQuery) {
		try {
			return this.http.get()
				.uri(URI.create("http://" + owner.host() + ":" + owner.port() + pathAndQuery))
				.header(HEADER, "true")
				.retrieve()
				.onStatus((status) -> status.value() == 503, (request, response) -> {
					throw new InvalidStateStoreException("the instance owning this key is not ready");
				})
				.body(String.class);
		}
		catch (ResourceAccessException ex) {
			throw new InvalidStateStoreException("the instance owning this key cannot be reached");
		}
	}

}
