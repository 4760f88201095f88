package com.geminihealth.intake.decider;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.geminihealth.schemas.appointment.AppointmentState;
import com.geminihealth.schemas.booking.AppointmentId;
import com.geminihealth.schemas.privacy.ErasureRequested;

/**
 * Erases a patient from this task's part of the decider's state: each of their
 * appointments stays, so the calendar stays right, with the patient and the notes
 * replaced, and its anonymised state is published so that the compacted topic forgets
 * them too. Declined and rejected requests hold no patient data (their status keeps only
 * the reason and the alternatives), so there is nothing of theirs to erase; they leave
 * with their retention. An erasure is rare: scanning the task's requests is cheaper than
 * an index by contact, which would itself keep every patient's contact details.
 */
class ErasureProcessor implements Processor<byte[], ErasureRequested, AppointmentId, AppointmentState> {

	private static final Logger logger = LoggerFactory.getLogger(ErasureProcessor.class);

	private ProcessorContext<AppointmentId, AppointmentState> context;

	private Requests requests;

	private KeyValueStore<String, String> waitlistStore;

	private final DeciderProperties.Retention retention;

	ErasureProcessor(DeciderProperties.Retention retention) {
		this.retention = retention;
	}

	@Override
	public void init(ProcessorContext<AppointmentId, AppointmentState> context) {
		this.context = context;
		this.requests = Requests.of(context, this.retention);
		this.waitlistStore = context.getStateStore(DeciderStores.WAITLIST);
	}

	@Override
	public void process(Record<byte[], ErasureRequested> record) {
		ErasureRequested erasure = record.value();
		List<KeyValue<String, RequestStatus>> named = new ArrayList<>();
		try (KeyValueIterator<String, RequestStatus> all = this.requests.all()) {
			all.forEachRemaining((entry) -> {
				if (entry.value.appointment() != null
						&& ErasedPatient.named(erasure, entry.value.appointment().patient())) {
					named.add(entry);
				}
			});
		}
		for (KeyValue<String, RequestStatus> entry : named) {
			RequestStatus erased = entry.value.anonymised();
			this.requests.put(entry.key, erased);
			if (erased.state().offer()) {
				// Never an appointment: nothing on the appointments' topic to erase.
				continue;
			}
			this.context.forward(new Record<>(erased.appointment().appointmentId(),
					new AppointmentState(erased.appointment(), AppointmentStateProcessor.statusOf(erased.state()),
							Instant.ofEpochMilli(record.timestamp())),
					record.timestamp()));
		}
		int waiting = eraseFromWaitlists(erasure);
		logger.info("Erasure {}: anonymised {} appointments and took {} entries off the waitlists in task {}",
				erasure.erasureId(), named.size(), waiting, this.context.taskId());
	}

	/**
	 * Takes the patient off every waitlist, and erases them from the offers made to them
	 * (an open offer's slot stays held until its hold runs out, then goes to the next in
	 * line).
	 */
	private int eraseFromWaitlists(ErasureRequested erasure) {
		// Read afresh: the decider puts patients in line between erasures.
		Waitlists waitlists = new Waitlists(this.waitlistStore);
		int erased = 0;
		for (Waitlists.InLine inLine : waitlists.everyone()) {
			if (ErasedPatient.named(erasure, inLine.waiting().joined().patient())) {
				waitlists.leave(inLine.key());
				erased++;
			}
		}
		for (Waitlists.Offer offer : waitlists.offers()) {
			if (ErasedPatient.named(erasure, offer.offered().patient())) {
				waitlists.keep(offer.anonymised());
			}
		}
		return erased;
	}

}
