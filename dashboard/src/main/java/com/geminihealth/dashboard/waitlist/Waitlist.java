package com.geminihealth.dashboard.waitlist;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import com.geminihealth.dashboard.stream.ErasedPatient;
import com.geminihealth.dashboard.stream.PipelineEvent;
import com.geminihealth.dashboard.stream.ReadModel;
import com.geminihealth.schemas.Topics;
import com.geminihealth.schemas.booking.AppointmentId;
import com.geminihealth.schemas.privacy.ErasureRequested;
import com.geminihealth.schemas.waitlist.WaitlistEntryId;
import com.geminihealth.schemas.waitlist.WaitlistJoined;
import com.geminihealth.schemas.waitlist.WaitlistLeft;
import com.geminihealth.schemas.waitlist.WaitlistOfferClosed;
import com.geminihealth.schemas.waitlist.WaitlistOffered;

/**
 * Who is waiting and which offers are in flight, read from the waitlist topic the decider
 * writes: an entry is waiting from its {@link WaitlistJoined} until its
 * {@link WaitlistLeft}, an offer is in flight from its {@link WaitlistOffered} until its
 * {@link WaitlistOfferClosed}. The topic is keyed by entry, so each entry's events arrive
 * in the order the decider wrote them. An erasure forgets the patient's entries and
 * offers.
 */
@Component
public class Waitlist implements ReadModel {

	private final Map<WaitlistEntryId, WaitlistJoined> waiting = new LinkedHashMap<>();

	private final Map<AppointmentId, WaitlistOffered> offers = new LinkedHashMap<>();

	@Override
	public synchronized void apply(PipelineEvent event) {
		if (event.value() instanceof WaitlistJoined joined) {
			this.waiting.put(joined.entryId(), joined);
		}
		else if (event.value() instanceof WaitlistOffered offered) {
			this.offers.put(offered.offer(), offered);
		}
		else if (event.value() instanceof WaitlistOfferClosed closed) {
			this.offers.remove(closed.offer());
		}
		else if (event.value() instanceof WaitlistLeft left) {
			leave(left.entryId());
		}
		else if (event.removes(Topics.WAITLIST)) {
			leave(WaitlistEntryId.of(event.removedKey()));
		}
		else if (event.value() instanceof ErasureRequested erasure) {
			ErasedPatient erased = ErasedPatient.of(erasure);
			this.waiting.values().removeIf((joined) -> erased.is(joined.patient()));
			this.offers.values().removeIf((offered) -> erased.is(offered.patient()));
		}
	}

	/**
	 * An entry that left can hold no offer any more, whether or not its close was written
	 * first.
	 */
	private void leave(WaitlistEntryId entry) {
		this.waiting.remove(entry);
		this.offers.values().removeIf((offered) -> offered.entryId().equals(entry));
	}

	/** Everyone waiting, in line: by location, then by when they joined. */
	public synchronized List<WaitlistJoined> waiting() {
		return this.waiting.values()
			.stream()
			.sorted(Comparator.comparing((WaitlistJoined joined) -> joined.location().value())
				.thenComparing(WaitlistJoined::joinedAt))
			.toList();
	}

	/** The offers in flight, the soonest to expire first. */
	public synchronized List<WaitlistOffered> openOffers() {
		return this.offers.values().stream().sorted(Comparator.comparing(WaitlistOffered::expiresAt)).toList();
	}

	public synchronized int waitingCount() {
		return this.waiting.size();
	}

	public synchronized int openOfferCount() {
		return this.offers.size();
	}

}
