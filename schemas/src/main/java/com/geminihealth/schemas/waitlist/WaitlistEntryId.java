package com.geminihealth.schemas.waitlist;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import com.geminihealth.schemas.Id;
import com.geminihealth.schemas.booking.Ids;

/** One patient's place on a waitlist; random, given by the door they joined at. */
public record WaitlistEntryId(UUID uuid) implements Id {

	public WaitlistEntryId {
		Ids.requireUuid(uuid, "waitlist entry id");
	}

	@JsonCreator
	public static WaitlistEntryId of(String value) {
		return new WaitlistEntryId(UUID.fromString(value));
	}

	public static WaitlistEntryId random() {
		return new WaitlistEntryId(UUID.randomUUID());
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
