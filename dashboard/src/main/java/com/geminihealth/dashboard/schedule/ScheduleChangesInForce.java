package com.geminihealth.dashboard.schedule;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import com.geminihealth.dashboard.stream.PipelineEvent;
import com.geminihealth.dashboard.stream.ReadModel;
import com.geminihealth.platform.EventPublisher;
import com.geminihealth.schemas.Topics;
import com.geminihealth.schemas.schedule.ScheduleChangeId;
import com.geminihealth.schemas.schedule.ScheduleChanged;

/**
 * The practitioners' time off, breaks and changed days the front desk entered, as the
 * compacted schedule-changes topic holds them: this dashboard is their one writer, and
 * every instance reads them all, so all show the same and the decider, which reads the
 * same topic, applies exactly these.
 */
@Component
class ScheduleChangesInForce implements ReadModel {

	private final EventPublisher publisher;

	private final Map<ScheduleChangeId, ScheduleChanged> changes = new ConcurrentHashMap<>();

	ScheduleChangesInForce(EventPublisher publisher) {
		this.publisher = publisher;
	}

	@Override
	public void apply(PipelineEvent event) {
		if (event.value() instanceof ScheduleChanged change) {
			this.changes.put(ScheduleChangeId.of(change), change);
		}
		else if (event.removes(Topics.SCHEDULE_CHANGES)) {
			this.changes.remove(new ScheduleChangeId(event.removedKey()));
		}
	}

	/**
	 * Publishes the change and returns once Kafka has it; the decider applies it to the
	 * next booking. Shown here at once, so the page the user returns to has it.
	 */
	ScheduleChangeId add(ScheduleChanged change) {
		ScheduleChangeId id = ScheduleChangeId.of(change);
		this.publisher.publish(Topics.SCHEDULE_CHANGES, id, change);
		this.changes.put(id, change);
		return id;
	}

	/** Takes a change back with a tombstone on its key. */
	void remove(ScheduleChangeId id) {
		this.publisher.publish(Topics.SCHEDULE_CHANGES, id, null);
		this.changes.remove(id);
	}

	/** Every change in force, whatever its date: what conflicts are judged against. */
	List<ScheduleChanged> all() {
		return List.copyOf(this.changes.values());
	}

	/** The changes of {@code from} and later, by date, practitioner and start. */
	List<Entry> from(LocalDate from) {
		return this.changes.entrySet()
			.stream()
			.filter((entry) -> !entry.getValue().date().isBefore(from))
			.map((entry) -> new Entry(entry.getKey().value(), entry.getValue()))
			.sorted(Comparator.comparing((Entry entry) -> entry.change().date())
				.thenComparing((entry) -> entry.change().practitioner().value())
				.thenComparing((entry) -> String.valueOf(entry.change().start())))
			.toList();
	}

	/** A change and its key, which its remove button sends back. */
	record Entry(String id, ScheduleChanged change) {

	}

}
