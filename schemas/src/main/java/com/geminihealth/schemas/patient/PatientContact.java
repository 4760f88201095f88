package com.geminihealth.schemas.patient;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.geminihealth.schemas.Id;
import com.geminihealth.schemas.Redact;
import com.geminihealth.schemas.booking.Patient;
import com.geminihealth.schemas.booking.Ids;

/**
 * How we reach a patient: an E.164 phone number or an email address. Keys their replies.
 */
public record PatientContact(@JsonValue String value) implements Id {

	@JsonCreator
	public PatientContact {
		Ids.requireText(value, "patient contact");
	}

	/**
	 * The contact everything about {@code patient} is keyed by: their mobile phone, their
	 * email when they gave none. A text reply comes from that phone, so it meets their
	 * appointments, plans and feedback in one partition.
	 */
	public static PatientContact of(Patient patient) {
		String phone = patient.mobilePhone();
		return new PatientContact((phone != null && !phone.isBlank()) ? phone : patient.email());
	}

	public boolean isPhone() {
		return this.value.startsWith("+");
	}

	@Override
	public String toString() {
		return isPhone() ? Redact.phone(this.value) : Redact.email(this.value);
	}

}
