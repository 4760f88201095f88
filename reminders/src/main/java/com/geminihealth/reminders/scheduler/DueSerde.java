package com.geminihealth.reminders.scheduler;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

import com.geminihealth.schemas.reminder.Channel;

/**
 * A few bytes per due entry instead of JSON: the due store holds one entry per reminder,
 * so its size is what a restart restores and what scheduling writes.
 */
final class DueSerde {

	private static final byte NO_CHANNEL = -1;

	private DueSerde() {
	}

	static Serde<Due> serde() {
		return Serdes.serdeFrom((topic, due) -> (due != null) ? write(due) : null,
				(topic, bytes) -> (bytes != null) ? read(bytes) : null);
	}

	static byte[] write(Due due) {
		byte[] rule = (due.rule() != null) ? due.rule().getBytes(StandardCharsets.UTF_8) : new byte[0];
		return ByteBuffer.allocate(2 + Long.BYTES + rule.length)
			.put((byte) due.kind().ordinal())
			.put((due.channel() != null) ? (byte) due.channel().ordinal() : NO_CHANNEL)
			.putLong(due.dueAt())
			.put(rule)
			.array();
	}

	static Due read(byte[] bytes) {
		ByteBuffer buffer = ByteBuffer.wrap(bytes);
		Due.Kind kind = Due.Kind.values()[buffer.get()];
		byte channel = buffer.get();
		long dueAt = buffer.getLong();
		String rule = (buffer.remaining() > 0)
				? new String(bytes, buffer.position(), buffer.remaining(), StandardCharsets.UTF_8) : null;
		return new Due(kind, rule, (channel != NO_CHANNEL) ? Channel.values()[channel] : null, dueAt);
	}

}
