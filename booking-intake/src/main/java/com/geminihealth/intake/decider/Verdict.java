package com.geminihealth.intake.decider;

import java.time.Instant;

import com.geminihealth.schemas.appointment.DeclineReason;

/**
 * Whether a requested slot can be given, and to whom from which instant (the one the
 * requested wall-clock time stands for); or why not.
 */
record Verdict(String practitioner, Instant start, DeclineReason refusal) {

	static Verdict give(String practitioner, Instant start) {
		return new Verdict(practitioner, start, null);
	}

	static Verdict refuse(DeclineReason reason) {
		return new Verdict(null, null, reason);
	}

	boolean given() {
		return this.refusal == null;
	}

}
