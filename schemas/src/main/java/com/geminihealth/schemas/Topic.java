package com.geminihealth.schemas;

import java.util.Map;

import org.apache.kafka.common.serialization.Serde;

/**
 * A topic of the contract with the serdes for its keys and values, and the topic settings
 * its meaning depends on.
 *
 * @param name the topic's name
 * @param keySerde its keys
 * @param valueSerde its values
 * @param configs broker settings of the topic beyond the deployment's defaults
 */
public record Topic<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde, Map<String, String> configs) {

	public Topic {
		configs = Map.copyOf(configs);
	}

	public Topic(String name, Serde<K> keySerde, Serde<V> valueSerde) {
		this(name, keySerde, valueSerde, Map.of());
	}

	/**
	 * Reads a value from outside the pipeline, checked against its published schema;
	 * throws {@link ContractViolation} saying what is wrong.
	 */
	public V readExternal(String ceType, byte[] json) {
		if (!(this.valueSerde instanceof CloudEventSerde<V> serde)) {
			throw new ContractViolation(this.name + " carries no typed events");
		}
		return serde.readExternal(ceType, json);
	}

	/** The event types this topic carries; empty for raw topics such as dead letters. */
	public java.util.List<? extends EventType<?>> eventTypes() {
		return (this.valueSerde instanceof CloudEventSerde<?> serde) ? serde.eventTypes() : java.util.List.of();
	}

}
