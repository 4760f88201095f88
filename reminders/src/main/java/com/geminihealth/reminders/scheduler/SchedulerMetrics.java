package com.geminihealth.reminders.scheduler;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import com.geminihealth.schemas.feedback.FeedbackSource;

/**
 * What the scheduler tells an operator: how much is waiting, how late things fire,
 * whether anything ever fired early (it must not), and how many answers about sessions
 * were recorded or matched none.
 */
public final class SchedulerMetrics {

	private final AtomicLong scheduled = new AtomicLong();

	private final Timer lateness;

	private final Counter earlyFires;

	private final Counter expired;

	private final Map<FeedbackSource, Counter> feedbackRecorded = new EnumMap<>(FeedbackSource.class);

	private final Counter feedbackUnmatched;

	public SchedulerMetrics(MeterRegistry registry) {
		Gauge.builder("reminders.scheduled", this.scheduled, AtomicLong::get)
			.description("Reminders, session ends and follow-ups waiting in this instance's scheduler")
			.register(registry);
		this.lateness = Timer.builder("reminders.fire.lateness")
			.description("Fire time minus due time")
			.publishPercentiles(0.5, 0.99)
			.publishPercentileHistogram()
			.register(registry);
		this.earlyFires = Counter.builder("reminders.fired.early")
			.description("Notices fired before they were due; anything but 0 is a bug")
			.register(registry);
		this.expired = Counter.builder("reminders.expired")
			.description("Reminders that fell due while the scheduler was down and were dropped because "
					+ "the appointment had already started")
			.register(registry);
		for (FeedbackSource source : FeedbackSource.values()) {
			this.feedbackRecorded.put(source, Counter.builder("reminders.feedback.recorded")
				.description("Patients' answers about a session, matched to it and recorded on session-feedback")
				.tag("source", source.name().toLowerCase(Locale.ROOT))
				.register(registry));
		}
		this.feedbackUnmatched = Counter.builder("reminders.feedback.unmatched")
			.description("Answers that matched no open question: none asked, its window closed, another patient's "
					+ "session, or a score the question does not offer")
			.register(registry);
	}

	public long scheduled() {
		return this.scheduled.get();
	}

	public Timer lateness() {
		return this.lateness;
	}

	public double earlyFires() {
		return this.earlyFires.count();
	}

	public double expiredCount() {
		return this.expired.count();
	}

	void changeScheduled(long delta) {
		this.scheduled.addAndGet(delta);
	}

	void fired(long dueAt, long firedAt) {
		if (firedAt < dueAt) {
			this.earlyFires.increment();
		}
		this.lateness.record(Duration.ofMillis(Math.max(0, firedAt - dueAt)));
	}

	void expired() {
		this.expired.increment();
	}

	void feedbackRecorded(FeedbackSource source) {
		this.feedbackRecorded.get(source).increment();
	}

	void feedbackUnmatched() {
		this.feedbackUnmatched.increment();
	}

}
