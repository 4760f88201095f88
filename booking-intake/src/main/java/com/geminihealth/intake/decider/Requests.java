package com.geminihealth.intake.decider;

import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/** Each booking request's status, by request (= appointment) id. */
final class Requests {

	private final KeyValueStore<String, RequestStatus> store;

	private Requests(KeyValueStore<String, RequestStatus> store) {
		this.store = store;
	}

	static Requests of(ProcessorContext<?, ?> context, DeciderProperties.Retention retention) {
		return new Requests(context.getStateStore(DeciderStores.REQUESTS));
	}

	RequestStatus get(String id) {
		return this.store.get(id);
	}

	void put(String id, RequestStatus status) {
		this.store.put(id, status);
	}

	KeyValueIterator<String, RequestStatus> all() {
		return this.store.all();
	}

}
