package com.geminihealth.intake.decider;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * When each entry of the decider's other stores may go, keyed by that time first, so
 * pruning reads only what is due, oldest first, and so also what fell due while the
 * decider was down. An entry that changed since (a moved appointment) is indexed again at
 * its new time; pruning checks the entry itself before removing it, so the stale index
 * entry costs one look.
 */
final class Expiries {

	/** The stores an expiry points into. */
	enum Kind {

		/** A request's status, with its calendar entry if it holds one. */
		REQUEST("r"),

		/** The id of an applied command other than a booking. */
		COMMAND("c");

		private final String tag;

		Kind(String tag) {
			this.tag = tag;
		}

		static Kind of(String tag) {
			return REQUEST.tag.equals(tag) ? REQUEST : COMMAND;
		}

	}

	/** One index entry: {@code id} in {@code kind}'s store may go at the key's time. */
	record Due(String key, Kind kind, String id) {

	}

	private final KeyValueStore<String, String> store;

	Expiries(KeyValueStore<String, String> store) {
		this.store = store;
	}

	void expire(Kind kind, String id, Instant at) {
		this.store.put(DeciderStores.sortableSeconds(at) + "/" + kind.tag + "/" + id, "");
	}

	/** The entries due at {@code now}, oldest first. */
	List<Due> dueBy(Instant now) {
		String last = DeciderStores.sortableSeconds(now) + "/~";
		List<Due> due = new ArrayList<>();
		try (KeyValueIterator<String, String> oldestFirst = this.store.all()) {
			while (oldestFirst.hasNext()) {
				KeyValue<String, String> entry = oldestFirst.next();
				if (entry.key.compareTo(last) > 0) {
					break;
				}
				String[] parts = entry.key.split("/", 3);
				due.add(new Due(entry.key, Kind.of(parts[1]), parts[2]));
			}
		}
		return due;
	}

	void remove(Due due) {
		this.store.delete(due.key());
	}

}
