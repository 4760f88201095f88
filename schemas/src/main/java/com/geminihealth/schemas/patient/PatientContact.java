package com.geminihealth.schemas.patient;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.geminihealth.schemas.Id;
import com.geminihealth.schemas.Redact;
import com.geminihealth.schemas.booking.Ids;

/**
 * How we reach a patient: an E.164 phone number or an email address. Keys their replies.
 */
public record PatientContact(@JsonValue String value) implements Id {

	@JsonCreator
	public PatientContact {
		Ids.requireText(value, "patient contact");
	}

	public boolean isPhone() {
		return this.value.startsWith("+");
	}

	@Override
	public String toString() {
		return isPhone() ? Redact.phone(this.value) : Redact.email(this.value);
	}

}
