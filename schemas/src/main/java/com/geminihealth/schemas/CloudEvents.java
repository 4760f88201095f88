package com.geminihealth.schemas;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/** CloudEvents 1.0 attributes in Kafka headers (binary content mode). */
public final class CloudEvents {

	public static final String ID = "ce_id";

	public static final String TYPE = "ce_type";

	public static final String SOURCE = "ce_source";

	public static final String TIME = "ce_time";

	public static final String SPEC_VERSION = "ce_specversion";

	public static final String CONTENT_TYPE = "content-type";

	private CloudEvents() {
	}

	/** The last value of a header as text, or null. */
	public static String header(Headers headers, String name) {
		Header header = (headers != null) ? headers.lastHeader(name) : null;
		return (header != null && header.value() != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

	static void put(Headers headers, String name, String value) {
		headers.remove(name);
		headers.add(name, value.getBytes(StandardCharsets.UTF_8));
	}

}
