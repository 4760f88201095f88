package com.geminihealth.schemas.inquiry;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.geminihealth.schemas.Id;
import com.geminihealth.schemas.booking.Ids;

/** A contact-form inquiry. */
public record InquiryId(UUID uuid) implements Id {

	public InquiryId {
		Ids.requireUuid(uuid, "inquiry id");
	}

	@JsonCreator
	public static InquiryId of(String value) {
		return new InquiryId(UUID.fromString(value));
	}

	public static InquiryId random() {
		return new InquiryId(UUID.randomUUID());
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
