package com.geminihealth.intake.decider;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * One task's calendar store, written through, with a copy in memory for the decider's
 * reads: a decision scans every candidate's calendar, a decline scans them for days
 * around it, and a RocksDB seek for each of those cost more than all the rest of the
 * decision. The copy is loaded from the store when the task starts, after its changelog
 * is restored, and changes only with it. It takes about 200 bytes per appointment.
 */
final class CachedCalendar implements Calendar {

	private final KeyValueStore<String, Booked> store;

	private final Duration longestOccupancy;

	/** By location and practitioner, then by start. */
	private final Map<String, NavigableMap<Instant, Booked>> byPractitioner = new HashMap<>();

	CachedCalendar(KeyValueStore<String, Booked> store, Duration longestOccupancy) {
		this.store = store;
		this.longestOccupancy = longestOccupancy;
		try (KeyValueIterator<String, Booked> all = store.all()) {
			while (all.hasNext()) {
				KeyValue<String, Booked> entry = all.next();
				practitioner(DeciderStores.practitionerKeyOf(entry.key)).put(entry.value.start(), entry.value);
			}
		}
	}

	void hold(String location, String practitioner, Booked booked) {
		this.store.put(DeciderStores.calendarKey(location, practitioner, booked.start()), booked);
		practitioner(DeciderStores.practitionerKey(location, practitioner)).put(booked.start(), booked);
	}

	void release(String location, String practitioner, Instant start) {
		this.store.delete(DeciderStores.calendarKey(location, practitioner, start));
		practitioner(DeciderStores.practitionerKey(location, practitioner)).remove(start);
	}

	/**
	 * Releases the time at {@code start} only if {@code appointmentId} still holds it,
	 * not another appointment booked there since.
	 */
	void releaseIfHeldBy(String location, String practitioner, Instant start, String appointmentId) {
		NavigableMap<Instant, Booked> calendar = this.byPractitioner
			.get(DeciderStores.practitionerKey(location, practitioner));
		Booked held = (calendar != null) ? calendar.get(start) : null;
		if (held != null && held.appointmentId().equals(appointmentId)) {
			release(location, practitioner, start);
		}
	}

	@Override
	public List<Booked> booked(String location, String practitioner, Instant from, Instant until) {
		NavigableMap<Instant, Booked> calendar = this.byPractitioner
			.get(DeciderStores.practitionerKey(location, practitioner));
		if (calendar == null) {
			return List.of();
		}
		List<Booked> booked = new ArrayList<>();
		// A tail map costs one search; a sub map, two.
		for (Booked entry : calendar.tailMap(from.minus(this.longestOccupancy), true).values()) {
			if (!entry.start().isBefore(until)) {
				break;
			}
			if (entry.overlaps(from, until)) {
				booked.add(entry);
			}
		}
		return booked;
	}

	private NavigableMap<Instant, Booked> practitioner(String key) {
		return this.byPractitioner.computeIfAbsent(key, (ignored) -> new TreeMap<>());
	}

}
