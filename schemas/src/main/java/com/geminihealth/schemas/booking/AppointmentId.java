package com.geminihealth.schemas.booking;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.geminihealth.schemas.Id;

/**
 * An appointment. It is the id of the request that created it, so a request's status and
 * its appointment share one key.
 */
public record AppointmentId(UUID uuid) implements Id {

	public AppointmentId {
		Ids.requireUuid(uuid, "appointment id");
	}

	@JsonCreator
	public static AppointmentId of(String value) {
		return new AppointmentId(UUID.fromString(value));
	}

	public static AppointmentId forRequest(RequestId request) {
		return new AppointmentId(request.uuid());
	}

	public static AppointmentId random() {
		return new AppointmentId(UUID.randomUUID());
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
