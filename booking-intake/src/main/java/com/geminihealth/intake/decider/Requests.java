package com.geminihealth.intake.decider;

import java.time.Instant;

import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Each booking request's status, by request (= appointment) id, each indexed by when it
 * may go: a declined or rejected request some time after its decision, an appointment
 * some time after it ended.
 */
final class Requests {

	private final KeyValueStore<String, RequestStatus> store;

	private final Expiries expiries;

	private final DeciderProperties.Retention retention;

	Requests(KeyValueStore<String, RequestStatus> store, Expiries expiries, DeciderProperties.Retention retention) {
		this.store = store;
		this.expiries = expiries;
		this.retention = retention;
	}

	static Requests of(ProcessorContext<?, ?> context, DeciderProperties.Retention retention) {
		return new Requests(context.getStateStore(DeciderStores.REQUESTS),
				new Expiries(context.getStateStore(DeciderStores.EXPIRY)), retention);
	}

	RequestStatus get(String id) {
		return this.store.get(id);
	}

	void put(String id, RequestStatus status) {
		this.store.put(id, status);
		this.expiries.expire(Expiries.Kind.REQUEST, id, expiryOf(status));
	}

	void delete(String id) {
		this.store.delete(id);
	}

	KeyValueIterator<String, RequestStatus> all() {
		return this.store.all();
	}

	/** When {@code status} may go. */
	Instant expiryOf(RequestStatus status) {
		if (status.appointment() != null) {
			return status.appointment().end().plus(this.retention.horizon());
		}
		// Written before requests had a decision time: due now.
		return (status.decidedAt() != null) ? status.decidedAt().plus(this.retention.declined()) : Instant.EPOCH;
	}

}
