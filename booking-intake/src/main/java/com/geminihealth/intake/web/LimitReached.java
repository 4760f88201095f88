package com.geminihealth.intake.web;

import java.time.Duration;
import java.util.List;

/**
 * Fields that name a destination that has had all the messages the public doors send it
 * for now; answered 429 with Retry-After, or shown on the form's fields.
 */
public class LimitReached extends InvalidFields {

	private final Duration retryAfter;

	public LimitReached(List<FieldProblem> problems, Duration retryAfter) {
		super(problems);
		this.retryAfter = retryAfter;
	}

	/** When trying again can succeed; at least a second. */
	public Duration retryAfter() {
		return this.retryAfter.isNegative() || this.retryAfter.isZero() ? Duration.ofSeconds(1) : this.retryAfter;
	}

}
