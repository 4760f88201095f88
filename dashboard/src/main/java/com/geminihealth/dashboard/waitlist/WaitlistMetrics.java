package com.geminihealth.dashboard.waitlist;

import java.time.Duration;
import java.time.Instant;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import com.geminihealth.dashboard.stream.PipelineEvent;
import com.geminihealth.dashboard.stream.ReadModel;
import com.geminihealth.schemas.waitlist.WaitlistOfferClosed;

/**
 * What an operator charts of the waitlist: how many wait and how many offers are in
 * flight (gauges over {@link Waitlist}), how many freed slots a patient from the waitlist
 * claimed ({@code waitlist.slots.refilled}) and how long each took from the slot freeing
 * to the claim ({@code waitlist.refill.time}).
 * <p>
 * The dashboard reads the topic from its start at every start-up, so each claim is
 * counted only if it was closed at or after this instance started: replayed claims,
 * already counted by the instance before it, are not counted again. A claim closed while
 * no instance ran is counted by none. Each instance counts the claims it sees, so a chart
 * sums them per instance, not across instances.
 */
@Component
class WaitlistMetrics implements ReadModel {

	private final Instant since;

	private final Counter refilled;

	private final Timer refillTime;

	@Autowired
	WaitlistMetrics(Waitlist waitlist, MeterRegistry meters) {
		this(waitlist, meters, Instant.now());
	}

	/** Counting the claims closed at or after {@code since}. */
	WaitlistMetrics(Waitlist waitlist, MeterRegistry meters, Instant since) {
		this.since = since;
		Gauge.builder("waitlist.waiting", waitlist, Waitlist::waitingCount)
			.description("Patients on a waitlist")
			.register(meters);
		Gauge.builder("waitlist.offers.open", waitlist, Waitlist::openOfferCount)
			.description("Waitlist offers sent and neither claimed nor expired yet")
			.register(meters);
		this.refilled = Counter.builder("waitlist.slots.refilled")
			.description("Freed slots claimed by a patient from the waitlist")
			.register(meters);
		this.refillTime = Timer.builder("waitlist.refill.time")
			.description("From a slot freeing to a patient from the waitlist claiming it")
			.register(meters);
	}

	@Override
	public void apply(PipelineEvent event) {
		if (event.value() instanceof WaitlistOfferClosed closed
				&& closed.outcome() == WaitlistOfferClosed.Outcome.CLAIMED && !closed.closedAt().isBefore(this.since)) {
			this.refilled.increment();
			if (closed.freedAt() != null) {
				this.refillTime.record(Duration.between(closed.freedAt(), closed.closedAt()));
			}
		}
	}

}
