package com.geminihealth.schemas.booking;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.geminihealth.schemas.Id;

/** One command about an existing appointment; the decider applies each id once. */
public record CommandId(UUID uuid) implements Id {

	public CommandId {
		Ids.requireUuid(uuid, "command id");
	}

	@JsonCreator
	public static CommandId of(String value) {
		return new CommandId(UUID.fromString(value));
	}

	public static CommandId random() {
		return new CommandId(UUID.randomUUID());
	}

	@Override
	@JsonValue
	public String value() {
		return this.uuid.toString();
	}

	@Override
	public String toString() {
		return value();
	}

}
