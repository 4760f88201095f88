package com.geminihealth.schemas.privacy;

import java.time.Instant;
import com.geminihealth.schemas.Redact;

/**
 * The clinic erases a patient's personal data, found by email address, phone number or
 * both: every service removes them from what it keeps (tombstones on compacted topics,
 * its stores, its files) and keeps appointments with the patient anonymised. Keyed by
 * {@code erasureId}; the stream's retention is short, as it names the patient.
 *
 * @param erasureId this erasure
 * @param email the patient's email address, if known
 * @param phone the patient's phone number in E.164, if known
 * @param requestedBy the signed-in operations user who asked for it
 * @param requestedAt when
 */
public record ErasureRequested(ErasureId erasureId, String email, String phone, String requestedBy,
		Instant requestedAt) {

	@Override
	public String toString() {
		return "ErasureRequested[" + this.erasureId + ", email=" + Redact.email(this.email) + ", phone="
				+ Redact.phone(this.phone) + ", by " + this.requestedBy + ", " + this.requestedAt + "]";
	}

}
