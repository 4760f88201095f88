package com.geminihealth.schemas.booking;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.geminihealth.schemas.Id;

/** A clinic location, such as {@code toronto-midtown}. Keys the booking commands. */
public record LocationId(@JsonValue String value) implements Id {

	@JsonCreator
	public LocationId {
		Ids.requireText(value, "location id");
	}

}
