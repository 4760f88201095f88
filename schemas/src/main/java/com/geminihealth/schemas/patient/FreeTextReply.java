package com.geminihealth.schemas.patient;

import java.time.Instant;

import com.geminihealth.schemas.Redact;

/** A reply the system could not read; it goes to the front desk. */
public record FreeTextReply(PatientContact contact, String body, Instant receivedAt) implements PatientReply {

	@Override
	public String toString() {
		return "FreeTextReply[" + this.contact + ", body=" + Redact.text(this.body) + ", " + this.receivedAt + "]";
	}

}
