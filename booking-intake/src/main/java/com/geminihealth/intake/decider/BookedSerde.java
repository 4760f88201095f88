package com.geminihealth.intake.decider;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Calendar entries in eight bytes per instant plus the id: every decision range-scans the
 * calendar, and reading JSON there cost more than the decision itself.
 */
final class BookedSerde {

	private BookedSerde() {
	}

	static Serde<Booked> serde() {
		Serializer<Booked> serializer = (topic, booked) -> {
			if (booked == null) {
				return null;
			}
			byte[] id = booked.appointmentId().getBytes(StandardCharsets.UTF_8);
			return ByteBuffer.allocate(16 + id.length)
				.putLong(booked.start().toEpochMilli())
				.putLong(booked.occupiedUntil().toEpochMilli())
				.put(id)
				.array();
		};
		Deserializer<Booked> deserializer = (topic, bytes) -> {
			if (bytes == null) {
				return null;
			}
			ByteBuffer buffer = ByteBuffer.wrap(bytes);
			Instant start = Instant.ofEpochMilli(buffer.getLong());
			Instant occupiedUntil = Instant.ofEpochMilli(buffer.getLong());
			return new Booked(new String(bytes, 16, bytes.length - 16, StandardCharsets.UTF_8), start, occupiedUntil);
		};
		return Serdes.serdeFrom(serializer, deserializer);
	}

}
