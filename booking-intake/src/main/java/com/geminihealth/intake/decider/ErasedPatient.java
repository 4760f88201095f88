package com.geminihealth.intake.decider;

import com.geminihealth.schemas.booking.Patient;
import com.geminihealth.schemas.privacy.ErasureRequested;

/**
 * What an appointment keeps of its patient after an erasure ({@link Patient#erased}). The
 * contract requires a name and an email or phone, so fixed placeholders stand in for
 * them. No consent is kept, so no promotional message is owed to anyone.
 */
final class ErasedPatient {

	private ErasedPatient() {
	}

	/** {@code patient} without anything that names or reaches them. */
	static Patient of(Patient patient) {
		return Patient.erased(patient);
	}

	/** Whether {@code erasure} names {@code patient}, by email (any case) or phone. */
	static boolean named(ErasureRequested erasure, Patient patient) {
		if (patient == null) {
			return false;
		}
		boolean byEmail = erasure.email() != null && erasure.email().equalsIgnoreCase(patient.email());
		boolean byPhone = erasure.phone() != null && erasure.phone().equals(patient.mobilePhone());
		return byEmail || byPhone;
	}

}
