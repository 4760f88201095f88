package com.geminihealth.schemas.privacy;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.geminihealth.schemas.Id;
import com.geminihealth.schemas.booking.Ids;

/** One erasure of a patient's personal data. */
public record ErasureId(UUID uuid) implements Id {

	public ErasureId {
		Ids.requireUuid(uuid, "erasure id");
	}

	@JsonCreator
	public static ErasureId of(String value) {
		return new ErasureId(UUID.fromString(value));
	}

	public static ErasureId random() {
		return new ErasureId(UUID.randomUUID());
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
