package com.geminihealth.reminders.scheduler;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.geminihealth.schemas.DeadLetters;
import com.geminihealth.schemas.Topic;

/**
 * An input record read against the contract: the event, or, for a record that breaks it,
 * its bytes as they arrived, with the reason and origin in dead-letter headers.
 *
 * @param event the event, when it could be read
 * @param original the value's bytes as they arrived
 */
record CheckedInput(Object event, byte[] original) {

	boolean kept() {
		return this.event != null;
	}

	/**
	 * What a tombstone on a compacted topic reads as, where the topology expects them:
	 * the key's record is gone.
	 */
	record Removed() {

	}

	/**
	 * Reads each record of {@code topic}; one that cannot be read goes on to the
	 * dead-letter branch instead of stopping the scheduler.
	 */
	static final class Check<K> implements FixedKeyProcessor<K, byte[], CheckedInput> {

		private static final Logger logger = LoggerFactory.getLogger(Check.class);

		private final Topic<?, ?> topic;

		private final boolean tombstones;

		private FixedKeyProcessorContext<K, CheckedInput> context;

		Check(Topic<?, ?> topic) {
			this(topic, false);
		}

		/**
		 * @param tombstones whether a record without a value is a tombstone of the
		 * compacted {@code topic}, read as {@link Removed}, rather than a broken record
		 */
		Check(Topic<?, ?> topic, boolean tombstones) {
			this.topic = topic;
			this.tombstones = tombstones;
		}

		@Override
		public void init(FixedKeyProcessorContext<K, CheckedInput> context) {
			this.context = context;
		}

		@Override
		public void process(FixedKeyRecord<K, byte[]> record) {
			if (record.value() == null && this.tombstones) {
				this.context.forward(record.withValue(new CheckedInput(new Removed(), null)));
				return;
			}
			Object event = null;
			String problem;
			try {
				event = this.topic.valueSerde()
					.deserializer()
					.deserialize(this.topic.name(), record.headers(), record.value());
				problem = (event != null) ? null : "a " + this.topic.name() + " record must have a value";
			}
			catch (RuntimeException ex) {
				problem = ex.getMessage();
			}
			if (problem == null) {
				this.context.forward(record.withValue(new CheckedInput(event, record.value())));
				return;
			}
			Headers headers = record.headers();
			put(headers, DeadLetters.REASON, problem);
			this.context.recordMetadata().ifPresent((origin) -> {
				put(headers, DeadLetters.SOURCE_TOPIC, origin.topic());
				put(headers, DeadLetters.SOURCE_PARTITION, String.valueOf(origin.partition()));
				put(headers, DeadLetters.SOURCE_OFFSET, String.valueOf(origin.offset()));
				logger.warn("Dead-lettered a record of {} (partition {}, offset {})", origin.topic(),
						origin.partition(), origin.offset());
			});
			this.context.forward(record.withValue(new CheckedInput(null, record.value())).withHeaders(headers));
		}

		private static void put(Headers headers, String name, String value) {
			headers.remove(name);
			headers.add(name, String.valueOf(value).getBytes(StandardCharsets.UTF_8));
		}

	}

}
