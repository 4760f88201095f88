package com.geminihealth.schemas.booking;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.geminihealth.schemas.Id;

/** A practitioner, such as {@code maya-chen}. */
public record PractitionerId(@JsonValue String value) implements Id {

	@JsonCreator
	public PractitionerId {
		Ids.requireText(value, "practitioner id");
	}

}
