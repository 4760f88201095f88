package com.geminihealth.schemas;

import java.util.Map;

/**
 * Dead-letter streams: one per consumer, named {@code <source>.dlt} for a consumer of one
 * stream, or after the consumer ({@code notifications.dlt}) for one that reads several. A
 * dead letter keeps the original key, value and headers, and adds these.
 */
public final class DeadLetters {

	/** Why the consumer gave up, in words a person can act on. */
	public static final String REASON = "dlt_reason";

	public static final String SOURCE_TOPIC = "dlt_source_topic";

	public static final String SOURCE_PARTITION = "dlt_source_partition";

	public static final String SOURCE_OFFSET = "dlt_source_offset";

	private DeadLetters() {
	}

	static Topic<byte[], byte[]> of(Topic<?, ?> source, Map<String, String> configs) {
		return Topics.raw(source.name() + ".dlt", configs);
	}

}
