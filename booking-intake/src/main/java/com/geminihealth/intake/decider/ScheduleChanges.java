package com.geminihealth.intake.decider;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import com.geminihealth.schemas.schedule.ScheduleChangeId;
import com.geminihealth.schemas.schedule.ScheduleChanged;

/**
 * The front desk's changes to practitioners' hours, as the decider sees them at the
 * moment it decides: read from the {@link DeciderStores#SCHEDULE global store} at every
 * decision, never copied, so a change applies to the very next command.
 */
interface ScheduleChanges {

	/** No changes: the catalogue's weekly hours stand. */
	ScheduleChanges NONE = (practitioner, date) -> List.of();

	/** {@code practitioner}'s changes of {@code date}, in key order. */
	List<ScheduleChanged> of(String practitioner, LocalDate date);

	/**
	 * The changes in {@code store}, keyed as on the topic: one prefix scan finds a
	 * practitioner's day.
	 */
	static ScheduleChanges over(ReadOnlyKeyValueStore<String, ScheduleChanged> store) {
		StringSerializer keys = new StringSerializer();
		return (practitioner, date) -> {
			List<ScheduleChanged> found = new ArrayList<>(2);
			try (KeyValueIterator<String, ScheduleChanged> day = store
				.prefixScan(ScheduleChangeId.dayPrefix(practitioner, date), keys)) {
				day.forEachRemaining((entry) -> found.add(entry.value));
			}
			return found;
		};
	}

}
