package com.geminihealth.platform;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * A failure as logs and metrics may show it: its exception types and where it was thrown,
 * never its messages. Messages can quote a record's content (a patient's name, number or
 * address), and Kafka Streams copies a processor's stack trace, messages included, into
 * its own.
 */
final class RedactedFailure {

	private final List<Throwable> chain = new ArrayList<>();

	RedactedFailure(Throwable failure) {
		Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
		for (Throwable cause = failure; cause != null && seen.add(cause); cause = cause.getCause()) {
			this.chain.add(cause);
		}
	}

	/** The innermost exception's type, few enough to tag a metric with. */
	String rootType() {
		return root().getClass().getSimpleName();
	}

	/** Every exception type, outermost first, and where the innermost was thrown. */
	@Override
	public String toString() {
		StringBuilder description = new StringBuilder();
		for (Throwable cause : this.chain) {
			description.append((description.length() > 0) ? " caused by " : "").append(cause.getClass().getName());
		}
		StackTraceElement[] trace = root().getStackTrace();
		return (trace.length > 0) ? description.append(" at ").append(trace[0]).toString() : description.toString();
	}

	private Throwable root() {
		return this.chain.get(this.chain.size() - 1);
	}

}
