package com.geminihealth.intake.decider;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.geminihealth.schemas.Topics;
import com.geminihealth.schemas.schedule.ScheduleChanged;

/**
 * Keeps the decider's global store of schedule changes as the topic says: a change is put
 * under its key, a tombstone takes it back. A record that breaks the contract is left out
 * and logged by its key (a practitioner and a date, no patient's data): the decider goes
 * on with the hours it knows rather than stop every location's bookings for it.
 */
class ScheduleChangeProcessor implements Processor<String, byte[], Void, Void> {

	private static final Logger logger = LoggerFactory.getLogger(ScheduleChangeProcessor.class);

	private KeyValueStore<String, ScheduleChanged> changes;

	@Override
	public void init(ProcessorContext<Void, Void> context) {
		this.changes = context.getStateStore(DeciderStores.SCHEDULE);
	}

	@Override
	public void process(Record<String, byte[]> record) {
		if (record.key() == null) {
			return;
		}
		if (record.value() == null) {
			this.changes.delete(record.key());
			return;
		}
		try {
			this.changes.put(record.key(),
					Topics.SCHEDULE_CHANGES.valueSerde()
						.deserializer()
						.deserialize(Topics.SCHEDULE_CHANGES.name(), record.headers(), record.value()));
		}
		catch (RuntimeException ex) {
			logger.warn("Schedule change {} breaks the contract and is left out: {}", record.key(),
					ex.getClass().getSimpleName());
		}
	}

}
