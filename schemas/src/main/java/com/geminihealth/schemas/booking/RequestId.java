package com.geminihealth.schemas.booking;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.geminihealth.schemas.Id;

/**
 * A booking request: chosen at random by the intake, never derived from what a client
 * sends, or chosen by the signed integration that sent the command.
 */
public record RequestId(UUID uuid) implements Id {

	public RequestId {
		Ids.requireUuid(uuid, "request id");
	}

	@JsonCreator
	public static RequestId of(String value) {
		return new RequestId(UUID.fromString(value));
	}

	public static RequestId random() {
		return new RequestId(UUID.randomUUID());
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
