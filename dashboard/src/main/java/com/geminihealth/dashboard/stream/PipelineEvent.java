package com.geminihealth.dashboard.stream;

import java.time.Instant;
import java.util.List;

import org.apache.kafka.common.header.Header;

/**
 * One record of any topic of the catalogue as the front desk sees it: what it is, when,
 * for whom and where, and its key facts. Never a health note or free text.
 *
 * @param id where it sits in Kafka, {@code topic-partition@offset}: unique and stable
 * @param topic the topic it came from
 * @param type the event's name ({@code AppointmentConfirmed}), {@code DeadLetter},
 * {@code Tombstone} or {@code Unreadable}
 * @param time when it happened (its CloudEvents time, else the record's timestamp; for a
 * retry, when it was stored)
 * @param location the clinic location id, when the event names or implies one
 * @param firstName the patient's first name, when known
 * @param practitioner the practitioner's name, when known
 * @param facts a short line of key facts
 * @param value the decoded event, or null for dead letters and unreadable records
 * @param raw the record byte for byte, kept for the raw topics only: dead letters and
 * retries
 */
public record PipelineEvent(String id, String topic, String type, Instant time, String location, String firstName,
		String practitioner, String facts, Object value, Raw raw) {

	public static final String DEAD_LETTER = "DeadLetter";

	public static final String UNREADABLE = "Unreadable";

	public static final String TOMBSTONE = "Tombstone";

	/**
	 * What a tombstone's {@link #value()} is: the key a compacted topic forgets.
	 *
	 * @param key the record's key as text
	 */
	public record Tombstone(String key) {

	}

	/** Whether this is a tombstone on {@code topic}, and for which key. */
	public boolean removes(com.geminihealth.schemas.Topic<?, ?> topic) {
		return this.value instanceof Tombstone && topic.name().equals(this.topic);
	}

	/** The key a tombstone removes. */
	public String removedKey() {
		return ((Tombstone) this.value).key();
	}

	/** A record as it was stored, to replay it unchanged. */
	public record Raw(byte[] key, byte[] value, List<Header> headers) {

		@Override
		public String toString() {
			return "Raw[" + ((this.value != null) ? this.value.length : 0) + " bytes]";
		}

	}

}
