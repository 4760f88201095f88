package com.geminihealth.dashboard.waitlist;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.geminihealth.dashboard.stream.Events;
import com.geminihealth.schemas.Topics;
import com.geminihealth.schemas.privacy.ErasureId;
import com.geminihealth.schemas.privacy.ErasureRequested;
import com.geminihealth.schemas.waitlist.WaitlistEvent;
import com.geminihealth.schemas.waitlist.WaitlistJoined;
import com.geminihealth.schemas.waitlist.WaitlistLeft;
import com.geminihealth.schemas.waitlist.WaitlistOfferClosed;
import com.geminihealth.schemas.waitlist.WaitlistOffered;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The waitlist read model fed the decider's events as they come off the wire: who waits,
 * which offers are in flight, and what an erasure leaves.
 */
class WaitlistTest {

	private final Events events = new Events();

	private final Waitlist waitlist = new Waitlist();

	@Test
	void listsAPatientFromJoiningUntilTheyLeave() {
		WaitlistJoined first = WaitlistEvents.joined("Olivia Roy", "+12895550121",
				Instant.parse("2026-12-01T14:00:00Z"));
		WaitlistJoined second = WaitlistEvents.joined("Noah Roy", "+12895550122",
				Instant.parse("2026-12-01T14:05:00Z"));
		feed(second);
		feed(first);

		assertThat(this.waitlist.waiting()).containsExactly(first, second);

		feed(new WaitlistLeft(first.entryId(), WaitlistLeft.Reason.WINDOW_PASSED, Instant.now()));

		assertThat(this.waitlist.waiting()).containsExactly(second);
		assertThat(this.waitlist.waitingCount()).isEqualTo(1);
	}

	@Test
	void holdsAnOfferInFlightUntilItCloses() {
		WaitlistJoined joined = WaitlistEvents.joined("Olivia Roy", "+12895550121", Instant.now());
		Instant now = Instant.now();
		WaitlistOffered offered = WaitlistEvents.offered(joined, now, now.plusSeconds(900));
		feed(joined);
		feed(offered);

		assertThat(this.waitlist.openOffers()).containsExactly(offered);

		feed(WaitlistEvents.closed(offered, WaitlistOfferClosed.Outcome.EXPIRED, now.plusSeconds(900)));

		assertThat(this.waitlist.openOffers()).isEmpty();
		assertThat(this.waitlist.openOfferCount()).isZero();
		assertThat(this.waitlist.waiting()).containsExactly(joined);
	}

	@Test
	void forgetsAnErasedPatientsEntriesAndOffers() {
		WaitlistJoined erased = WaitlistEvents.joined("Zoe Erased", "+12895550188", Instant.now());
		WaitlistJoined kept = WaitlistEvents.joined("Kai Kept", "+12895550189", Instant.now());
		feed(erased);
		feed(kept);
		feed(WaitlistEvents.offered(erased, Instant.now(), Instant.now().plusSeconds(900)));

		feed(new ErasureRequested(ErasureId.random(), null, "+12895550188", "privacy-lead", Instant.now()));

		assertThat(this.waitlist.waiting()).containsExactly(kept);
		assertThat(this.waitlist.openOffers()).isEmpty();
	}

	private void feed(Object event) {
		if (event instanceof ErasureRequested erasure) {
			this.waitlist.apply(this.events.of(Topics.ERASURES, erasure.erasureId(), erasure));
		}
		else {
			WaitlistEvent waitlistEvent = (WaitlistEvent) event;
			this.waitlist.apply(this.events.of(Topics.WAITLIST, waitlistEvent.entryId(), waitlistEvent));
		}
	}

}
