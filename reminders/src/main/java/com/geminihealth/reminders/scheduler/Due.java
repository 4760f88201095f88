package com.geminihealth.reminders.scheduler;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Comparator;

import org.apache.kafka.common.utils.Bytes;

import com.geminihealth.schemas.reminder.Channel;

/**
 * Something scheduled for one appointment, as stored by due time.
 *
 * @param kind what fires
 * @param rule the reminder rule's name (reminders only)
 * @param channel the reminder's channel (reminders only)
 * @param dueAt epoch milliseconds it falls due
 */
record Due(Kind kind, String rule, Channel channel, long dueAt) {

	/** The order entries fire in, the due store's order for one appointment. */
	static final Comparator<Due> ORDER = Comparator.comparingLong(Due::dueAt).thenComparing(Due::tag);

	enum Kind {

		/** A reminder before the appointment. */
		REMINDER,
		/** The end plus the grace period: the session counts as over. */
		SESSION_OVER,
		/** The recommended follow-up. */
		FOLLOW_UP

	}

	static Due reminder(String rule, Channel channel, Instant dueAt) {
		return new Due(Kind.REMINDER, rule, channel, dueAt.toEpochMilli());
	}

	static Due of(Kind kind, Instant dueAt) {
		return new Due(kind, null, null, dueAt.toEpochMilli());
	}

	Instant dueInstant() {
		return Instant.ofEpochMilli(this.dueAt);
	}

	/** Unique per appointment: the rule for reminders, the kind otherwise. */
	String tag() {
		return (this.kind == Kind.REMINDER) ? "reminder:" + this.rule : this.kind.name();
	}

	/**
	 * The key in the due store: due time as a big-endian long (epoch millis are positive,
	 * so byte order is time order), then the appointment and the tag, so a range scan
	 * reads entries oldest first.
	 */
	Bytes key(String appointmentId) {
		byte[] id = (appointmentId + "/" + tag()).getBytes(StandardCharsets.UTF_8);
		return Bytes.wrap(ByteBuffer.allocate(Long.BYTES + id.length).putLong(this.dueAt).put(id).array());
	}

	static long dueAtOf(Bytes key) {
		return ByteBuffer.wrap(key.get()).getLong();
	}

	static String appointmentIdOf(Bytes key) {
		String rest = new String(key.get(), Long.BYTES, key.get().length - Long.BYTES, StandardCharsets.UTF_8);
		return rest.substring(0, rest.indexOf('/'));
	}

	/** The first key of anything due after {@code epochMillis}. */
	static Bytes after(long epochMillis) {
		return Bytes.wrap(ByteBuffer.allocate(Long.BYTES).putLong(epochMillis + 1).array());
	}

}
