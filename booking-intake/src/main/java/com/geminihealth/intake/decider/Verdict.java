package com.geminihealth.intake.decider;

import com.geminihealth.schemas.appointment.DeclineReason;

/** Whether a requested slot can be given, and to whom; or why not. */
record Verdict(String practitioner, DeclineReason refusal) {

	static Verdict give(String practitioner) {
		return new Verdict(practitioner, null);
	}

	static Verdict refuse(DeclineReason reason) {
		return new Verdict(null, reason);
	}

	boolean given() {
		return this.refusal == null;
	}

}
