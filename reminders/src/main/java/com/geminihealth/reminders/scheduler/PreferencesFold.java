package com.geminihealth.reminders.scheduler;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

import com.geminihealth.schemas.booking.Language;
import com.geminihealth.schemas.patient.PatientContact;
import com.geminihealth.schemas.patient.PatientPreferences;
import com.geminihealth.schemas.reminder.Channel;

/**
 * Folds each contact's opt-outs, opt-ins and booking language into its current
 * {@link PatientPreferences}, the one writer of the compacted preferences topic. It
 * publishes only what changed, so a patient booking again in the same language writes
 * nothing; an erasure deletes the contact's preferences and publishes a tombstone.
 */
final class PreferencesFold implements Processor<PatientContact, PreferenceChange, PatientContact, PatientPreferences> {

	private ProcessorContext<PatientContact, PatientPreferences> context;

	private KeyValueStore<String, PatientPreferences> preferences;

	@Override
	public void init(ProcessorContext<PatientContact, PatientPreferences> context) {
		this.context = context;
		this.preferences = context.getStateStore(SchedulerStores.PREFERENCES);
	}

	@Override
	public void process(Record<PatientContact, PreferenceChange> record) {
		PatientContact contact = record.key();
		PreferenceChange change = record.value();
		if (change.erases()) {
			// Always a tombstone, even if this store knew nothing: it is the topic, not
			// the store, that must forget.
			this.preferences.delete(contact.value());
			this.context.forward(record.withValue(null));
			return;
		}
		PatientPreferences before = this.preferences.get(contact.value());
		Instant at = (change.at() != null) ? change.at() : Instant.ofEpochMilli(record.timestamp());
		PatientPreferences after = apply(contact, before, change, at);
		if (before != null && sameWishes(before, after)) {
			return;
		}
		this.preferences.put(contact.value(), after);
		this.context.forward(record.withValue(after));
	}

	static PatientPreferences apply(PatientContact contact, PatientPreferences before, PreferenceChange change,
			Instant at) {
		List<Channel> optedOut = new ArrayList<>((before != null) ? before.optedOut() : List.of());
		Language language = (before != null) ? before.language() : null;
		switch (change.kind()) {
			case OPTED_OUT -> {
				if (!optedOut.contains(change.channel())) {
					optedOut.add(change.channel());
				}
			}
			case OPTED_IN -> optedOut.remove(change.channel());
			case LANGUAGE -> language = change.language();
			case ERASED -> throw new IllegalArgumentException("an erasure changes no preference, it removes them");
		}
		// In the enum's order, so that the same wishes always read the same.
		optedOut.sort(null);
		return new PatientPreferences(contact, optedOut, language, at);
	}

	private static boolean sameWishes(PatientPreferences before, PatientPreferences after) {
		return before.optedOut().equals(after.optedOut()) && Objects.equals(before.language(), after.language());
	}

}
