package com.geminihealth.schemas.plan;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.geminihealth.schemas.Id;
import com.geminihealth.schemas.booking.Ids;

/**
 * One treatment plan, the same through all its adjustments: the id a patient's follow-ups
 * name, so a new plan after an ended one is told apart from it.
 */
public record PlanId(UUID uuid) implements Id {

	public PlanId {
		Ids.requireUuid(uuid, "plan id");
	}

	@JsonCreator
	public static PlanId of(String value) {
		return new PlanId(UUID.fromString(value));
	}

	public static PlanId random() {
		return new PlanId(UUID.randomUUID());
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
