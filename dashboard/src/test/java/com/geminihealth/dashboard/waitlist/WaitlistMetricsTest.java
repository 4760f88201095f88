package com.geminihealth.dashboard.waitlist;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import com.geminihealth.dashboard.stream.Events;
import com.geminihealth.dashboard.stream.PipelineEvent;
import com.geminihealth.schemas.Topics;
import com.geminihealth.schemas.waitlist.WaitlistEvent;
import com.geminihealth.schemas.waitlist.WaitlistJoined;
import com.geminihealth.schemas.waitlist.WaitlistOfferClosed;
import com.geminihealth.schemas.waitlist.WaitlistOffered;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The waitlist's meters: a claimed offer counts as a refilled slot with the time it took,
 * once, however often the topic is read again from its start.
 */
class WaitlistMetricsTest {

	private static final Instant STARTED = Instant.parse("2026-12-01T14:00:00Z");

	private final Events events = new Events();

	private final Waitlist waitlist = new Waitlist();

	private final MeterRegistry meters = new SimpleMeterRegistry();

	private final WaitlistMetrics metrics = new WaitlistMetrics(this.waitlist, this.meters, STARTED);

	@Test
	void countsAClaimedOfferAsARefilledSlotWithTheTimeFromFreedToClaimed() {
		WaitlistJoined joined = WaitlistEvents.joined("Olivia Roy", "+12895550121", STARTED);
		WaitlistOffered offered = WaitlistEvents.offered(joined, STARTED.plusSeconds(60), STARTED.plusSeconds(960));
		feed(joined);
		feed(offered);

		assertThat(gauge("waitlist.waiting")).isEqualTo(1);
		assertThat(gauge("waitlist.offers.open")).isEqualTo(1);

		feed(WaitlistEvents.closed(offered, WaitlistOfferClosed.Outcome.CLAIMED, STARTED.plusSeconds(60 + 420)));

		assertThat(this.meters.get("waitlist.slots.refilled").counter().count()).isEqualTo(1);
		assertThat(this.meters.get("waitlist.refill.time").timer().count()).isEqualTo(1);
		assertThat(this.meters.get("waitlist.refill.time").timer().totalTime(TimeUnit.SECONDS)).isEqualTo(420);
		assertThat(gauge("waitlist.offers.open")).isZero();
	}

	@Test
	void countsNeitherAClaimBeforeThisInstanceStartedNorAnExpiredOffer() {
		WaitlistJoined joined = WaitlistEvents.joined("Noah Roy", "+12895550122", STARTED.minus(Duration.ofDays(1)));
		WaitlistOffered replayed = WaitlistEvents.offered(joined, STARTED.minusSeconds(3600),
				STARTED.minusSeconds(2700));
		WaitlistOffered expired = WaitlistEvents.offered(joined, STARTED.plusSeconds(60), STARTED.plusSeconds(960));

		feed(WaitlistEvents.closed(replayed, WaitlistOfferClosed.Outcome.CLAIMED, STARTED.minusSeconds(3000)));
		feed(WaitlistEvents.closed(expired, WaitlistOfferClosed.Outcome.EXPIRED, STARTED.plusSeconds(960)));

		assertThat(this.meters.get("waitlist.slots.refilled").counter().count()).isZero();
		assertThat(this.meters.get("waitlist.refill.time").timer().count()).isZero();
	}

	private void feed(WaitlistEvent event) {
		PipelineEvent decoded = this.events.of(Topics.WAITLIST, event.entryId(), event);
		// As the stream feeds every read model
		this.waitlist.apply(decoded);
		this.metrics.apply(decoded);
	}

	private double gauge(String name) {
		return this.meters.get(name).gauge().value();
	}

}
