package com.geminihealth.schemas.booking;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.geminihealth.schemas.Id;

/** A service on the clinic's menu, such as {@code rmt-deep-tissue-60}. */
public record ServiceId(@JsonValue String value) implements Id {

	@JsonCreator
	public ServiceId {
		Ids.requireText(value, "service id");
	}

}
