package com.geminihealth.schemas;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Function;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/** Keys are the ids' plain UTF-8 strings, readable and writable by any Kafka client. */
public final class IdSerde<K extends Id> implements Serde<K>, Serializer<K>, Deserializer<K> {

	private final Function<String, K> parser;

	private IdSerde(Function<String, K> parser) {
		this.parser = parser;
	}

	public static <K extends Id> IdSerde<K> of(Function<String, K> parser) {
		return new IdSerde<>(parser);
	}

	@Override
	public byte[] serialize(String topic, K id) {
		return (id != null) ? id.value().getBytes(StandardCharsets.UTF_8) : null;
	}

	@Override
	public K deserialize(String topic, byte[] data) {
		if (data == null) {
			return null;
		}
		try {
			return this.parser.apply(new String(data, StandardCharsets.UTF_8));
		}
		catch (RuntimeException ex) {
			throw new ContractViolation("invalid key on " + topic + ": " + ex.getMessage(), ex);
		}
	}

	@Override
	public void configure(java.util.Map<String, ?> configs, boolean isKey) {
	}

	@Override
	public void close() {
	}

	@Override
	public Serializer<K> serializer() {
		return this;
	}

	@Override
	public Deserializer<K> deserializer() {
		return this;
	}

}
