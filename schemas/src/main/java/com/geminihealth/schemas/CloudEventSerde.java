package com.geminihealth.schemas;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

import tools.jackson.databind.JsonNode;

/**
 * JSON values with CloudEvents attributes in the headers. The serializer writes
 * {@code ce_type} from the value's class; the deserializer picks the class from
 * {@code ce_type}, so one topic carries a whole sealed family of events.
 */
public final class CloudEventSerde<V> implements Serde<V>, Serializer<V>, Deserializer<V> {

	private final List<EventType<? extends V>> eventTypes;

	private final Map<Class<?>, EventType<? extends V>> byClass;

	private final Map<String, EventType<? extends V>> byCeType;

	private CloudEventSerde(List<EventType<? extends V>> eventTypes) {
		this.eventTypes = List.copyOf(eventTypes);
		this.byClass = this.eventTypes.stream().collect(Collectors.toMap(EventType::javaType, Function.identity()));
		this.byCeType = this.eventTypes.stream().collect(Collectors.toMap(EventType::ceType, Function.identity()));
	}

	/** A serde for a sealed interface: one event type per permitted record, version 1. */
	@SuppressWarnings("unchecked")
	public static <V> CloudEventSerde<V> ofSealed(String family, Class<V> sealedType) {
		return new CloudEventSerde<>(Arrays.stream(sealedType.getPermittedSubclasses())
			.<EventType<? extends V>>map((type) -> new EventType<>(family, (Class<? extends V>) type, 1))
			.toList());
	}

	/** A serde for a topic that carries a single event type, version 1. */
	public static <V> CloudEventSerde<V> of(String family, Class<V> type) {
		return new CloudEventSerde<>(List.of(new EventType<>(family, type, 1)));
	}

	public List<EventType<? extends V>> eventTypes() {
		return this.eventTypes;
	}

	public EventType<? extends V> eventTypeOf(String ceType) {
		EventType<? extends V> type = (ceType != null) ? this.byCeType.get(ceType) : null;
		if (type == null) {
			throw new ContractViolation((ceType == null) ? "missing ce_type header"
					: "unknown ce_type '" + ceType + "'; expected one of " + this.byCeType.keySet());
		}
		return type;
	}

	@Override
	public byte[] serialize(String topic, V data) {
		return (data != null) ? Json.MAPPER.writeValueAsBytes(data) : null;
	}

	@Override
	public byte[] serialize(String topic, Headers headers, V data) {
		if (data == null) {
			return null;
		}
		EventType<? extends V> type = this.byClass.get(data.getClass());
		if (type == null) {
			throw new ContractViolation(data.getClass().getName() + " is not an event of topic " + topic);
		}
		CloudEvents.put(headers, CloudEvents.SPEC_VERSION, "1.0");
		CloudEvents.put(headers, CloudEvents.ID, UUID.randomUUID().toString());
		CloudEvents.put(headers, CloudEvents.SOURCE, "/clinic-pipeline/" + topic);
		CloudEvents.put(headers, CloudEvents.TYPE, type.ceType());
		CloudEvents.put(headers, CloudEvents.TIME, Instant.now().toString());
		CloudEvents.put(headers, CloudEvents.CONTENT_TYPE, "application/json");
		return serialize(topic, data);
	}

	/** Without headers only a single-type topic can be read. */
	@Override
	public V deserialize(String topic, byte[] data) {
		if (this.eventTypes.size() != 1) {
			throw new ContractViolation("missing ce_type header");
		}
		return read(this.eventTypes.get(0), data);
	}

	@Override
	public V deserialize(String topic, Headers headers, byte[] data) {
		if (data == null) {
			return null;
		}
		return read(eventTypeOf(CloudEvents.header(headers, CloudEvents.TYPE)), data);
	}

	/**
	 * Reads JSON from outside the pipeline (an integration's HTTP body or Kafka record):
	 * the type must be known and the JSON must pass the type's published schema.
	 */
	public V readExternal(String ceType, byte[] json) {
		EventType<? extends V> type = eventTypeOf(ceType);
		JsonNode tree = Contract.requireValid(type, json);
		try {
			return Json.MAPPER.treeToValue(tree, type.javaType());
		}
		catch (RuntimeException ex) {
			throw new ContractViolation(type.ceType() + " could not be read: " + rootMessage(ex), ex);
		}
	}

	private V read(EventType<? extends V> type, byte[] data) {
		if (data == null) {
			return null;
		}
		try {
			return Json.MAPPER.readValue(data, type.javaType());
		}
		catch (RuntimeException ex) {
			throw new ContractViolation(type.ceType() + " could not be read: " + rootMessage(ex), ex);
		}
	}

	private static String rootMessage(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		String message = (root.getMessage() != null) ? root.getMessage() : root.getClass().getSimpleName();
		int newline = message.indexOf('\n');
		return (newline > 0) ? message.substring(0, newline) : message;
	}

	@Override
	public void configure(Map<String, ?> configs, boolean isKey) {
	}

	@Override
	public void close() {
	}

	@Override
	public Serializer<V> serializer() {
		return this;
	}

	@Override
	public Deserializer<V> deserializer() {
		return this;
	}

}
