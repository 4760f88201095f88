package com.geminihealth.schemas.frontdesk;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import com.geminihealth.schemas.Id;
import com.geminihealth.schemas.booking.Ids;

/**
 * What a front-desk mark is about: its kind and its subject, {@code <kind>/<subject>}
 * (such as {@code follow-up/<appointment id>}).
 */
public record MarkId(@JsonValue String value) implements Id {

	@JsonCreator
	public MarkId {
		Ids.requireText(value, "mark id");
	}

	public static MarkId of(String kind, String subject) {
		return new MarkId(kind + "/" + subject);
	}

}
