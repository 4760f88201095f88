package com.geminihealth.schemas;

import org.apache.kafka.common.serialization.Serde;

/** A topic of the contract with the serdes for its keys and values. */
public record Topic<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde) {

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
