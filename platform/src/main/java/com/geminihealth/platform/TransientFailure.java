package com.geminihealth.platform;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

import org.apache.kafka.common.errors.RetriableException;

/**
 * Whether a failure may pass if the same work is tried again. Kafka marks what it expects
 * to clear up by itself (a broker not reachable in time, a leader moving, too few
 * replicas in sync) as a {@link RetriableException}, {@code TimeoutException} included,
 * and Kafka Streams hands such a failure on wrapped in a {@code StreamsException}: so the
 * whole cause chain is read. Everything else (a bug, an unreadable state store, a topic
 * deleted, an authorisation refused) fails again on the same record and is not transient.
 */
final class TransientFailure {

	private TransientFailure() {
	}

	static boolean is(Throwable failure) {
		Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
		for (Throwable cause = failure; cause != null && seen.add(cause); cause = cause.getCause()) {
			if (cause instanceof RetriableException) {
				return true;
			}
		}
		return false;
	}

}
