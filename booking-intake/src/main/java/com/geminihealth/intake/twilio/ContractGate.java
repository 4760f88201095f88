package com.geminihealth.intake.twilio;

import com.geminihealth.schemas.Contract;
import com.geminihealth.schemas.Topic;

/**
 * Whether an event built from a webhook's fields honours its published JSON Schema. The
 * serializer does not validate, so without this check a number the contract cannot carry
 * (libphonenumber accepts seven-digit numbers, the contract's E.164 pattern does not) or
 * an empty text went onto the topic for every consumer to trip over.
 */
final class ContractGate {

	private ContractGate() {
	}

	static <V> boolean admits(Topic<?, V> topic, V event) {
		byte[] json = topic.valueSerde().serializer().serialize(topic.name(), event);
		return topic.eventTypes()
			.stream()
			.filter((type) -> type.javaType().equals(event.getClass()))
			.anyMatch((type) -> Contract.violations(type, json).isEmpty());
	}

}
