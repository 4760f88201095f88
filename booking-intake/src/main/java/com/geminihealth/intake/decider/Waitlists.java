package com.geminihealth.intake.decider;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

import com.geminihealth.schemas.Json;
import com.geminihealth.schemas.booking.Patient;
import com.geminihealth.schemas.waitlist.WaitlistOffered;

/**
 * The waitlists of this task's locations, in one store of JSON text under three kinds of
 * key:
 * <ul>
 * <li>{@code line/<location>/<arrival>/<entry>}: each patient in line, in the order they
 * joined ({@link Waiting});</li>
 * <li>{@code offer/<offer>}: each open or recently ended offer, with the line key of the
 * patient it was made to ({@link Offer});</li>
 * <li>{@code due/<time>/<offer>}: when each offer's hold runs out, and then when it may
 * be forgotten, time first, so the check reads only what is due.</li>
 * </ul>
 */
final class Waitlists {

	private static final String LINE = "line/";

	private static final String OFFER = "offer/";

	private static final String DUE = "due/";

	private final KeyValueStore<String, String> store;

	private NavigableMap<String, Waiting> lines;

	Waitlists(KeyValueStore<String, String> store) {
		this.store = store;
	}

	/** An offer and the line key of the patient it was made to. */
	record Offer(String line, WaitlistOffered offered) {

		/** The same offer, with the patient it was made to erased. */
		Offer anonymised() {
			WaitlistOffered o = this.offered;
			return new Offer(this.line, new WaitlistOffered(o.entryId(), o.offer(), o.location(), o.service(), o.slot(),
					o.zone(), Patient.erased(o.patient()), o.freedAt(), o.offeredAt(), o.expiresAt()));
		}

	}

	/** A patient in line under their key. */
	record InLine(String key, Waiting waiting) {

	}

	/**
	 * Puts a patient at the end of the line; {@code arrival} is their request's offset on
	 * the commands' partition, which orders the line exactly.
	 */
	String join(Waiting waiting, long arrival) {
		String key = LINE + waiting.joined().location().value() + "/" + String.format("%020d", arrival) + "/"
				+ waiting.joined().entryId().value();
		put(key, waiting);
		return key;
	}

	void put(String line, Waiting waiting) {
		this.store.put(line, Json.MAPPER.writeValueAsString(waiting));
		lines().put(line, waiting);
	}

	/**
	 * The patient in line under {@code line} as the store holds them; null once they
	 * left, also when another processor of the task (an erasure) took them off.
	 */
	Waiting get(String line) {
		String json = this.store.get(line);
		if (json == null) {
			lines().remove(line);
			return null;
		}
		return Json.MAPPER.readValue(json, Waiting.class);
	}

	void leave(String line) {
		this.store.delete(line);
		lines().remove(line);
	}

	/** The patients in line at {@code location}, first come first. */
	List<InLine> line(String location) {
		String prefix = LINE + location + "/";
		return inLine(lines().subMap(prefix, prefix + Character.MAX_VALUE));
	}

	/** Everyone in line at every location of this task. */
	List<InLine> everyone() {
		return inLine(lines());
	}

	private static List<InLine> inLine(Map<String, Waiting> lines) {
		return lines.entrySet().stream().map((entry) -> new InLine(entry.getKey(), entry.getValue())).toList();
	}

	/**
	 * The lines in memory, read from the store once: each freed slot is matched against
	 * its location's whole line, which reading the store would parse again each time.
	 * Written through; what another processor removed from the store is found out by
	 * {@link #get} before anyone is offered anything.
	 */
	private NavigableMap<String, Waiting> lines() {
		if (this.lines == null) {
			this.lines = new TreeMap<>();
			try (KeyValueIterator<String, String> range = this.store.prefixScan(LINE, new StringSerializer())) {
				while (range.hasNext()) {
					KeyValue<String, String> entry = range.next();
					this.lines.put(entry.key, Json.MAPPER.readValue(entry.value, Waiting.class));
				}
			}
		}
		return this.lines;
	}

	/** Keeps an offer, due when its hold runs out. */
	void offer(Offer offer) {
		keep(offer);
		due(offer.offered().offer().value(), offer.offered().expiresAt());
	}

	void keep(Offer offer) {
		this.store.put(OFFER + offer.offered().offer().value(), Json.MAPPER.writeValueAsString(offer));
	}

	/** Makes {@code offer} due again at {@code at}. */
	void due(String offer, Instant at) {
		this.store.put(DUE + DeciderStores.sortableSeconds(at) + "/" + offer, "");
	}

	Offer offerOf(String offer) {
		String json = this.store.get(OFFER + offer);
		return (json != null) ? Json.MAPPER.readValue(json, Offer.class) : null;
	}

	void forget(String offer) {
		this.store.delete(OFFER + offer);
	}

	/** The offers whose hold has run out by {@code now}, oldest first. */
	List<String> dueBy(Instant now) {
		String last = DUE + DeciderStores.sortableSeconds(now) + "/~";
		List<String> due = new ArrayList<>();
		try (KeyValueIterator<String, String> range = this.store.range(DUE, last)) {
			range.forEachRemaining((entry) -> due.add(entry.key));
		}
		due.forEach(this.store::delete);
		return due.stream().map((key) -> key.substring(key.lastIndexOf('/') + 1)).toList();
	}

	/** Every offer kept, for an erasure to look through. */
	List<Offer> offers() {
		List<Offer> offers = new ArrayList<>();
		try (KeyValueIterator<String, String> range = this.store.prefixScan(OFFER, new StringSerializer())) {
			range.forEachRemaining((entry) -> offers.add(Json.MAPPER.readValue(entry.value, Offer.class)));
		}
		return offers;
	}

	boolean anyDue() {
		return any(DUE);
	}

	boolean anyoneInLine() {
		return any(LINE);
	}

	private boolean any(String prefix) {
		try (KeyValueIterator<String, String> range = this.store.prefixScan(prefix, new StringSerializer())) {
			return range.hasNext();
		}
	}

}
