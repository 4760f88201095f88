package com.geminihealth.dashboard.feedback;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

import com.geminihealth.dashboard.CatalogueNames;

/**
 * What an operator charts of the answers after sessions, per practitioner of the
 * catalogue, over the sessions of the last 30 days: how many answered
 * ({@code feedback.answers}) and their average score ({@code feedback.score.average}, 0
 * without answers). Both are read from {@link SessionFeedbacks}, so every instance
 * reports the same.
 */
@Component
class FeedbackMetrics {

	static final Duration PERIOD = Duration.ofDays(30);

	private final SessionFeedbacks feedback;

	private final Clock clock;

	FeedbackMetrics(SessionFeedbacks feedback, CatalogueNames names, MeterRegistry meters) {
		this.feedback = feedback;
		this.clock = Clock.systemUTC();
		for (String practitioner : names.practitioners().keySet()) {
			Gauge.builder("feedback.answers", () -> scores(practitioner).answers())
				.description("Patients who answered the question about a session of the last 30 days")
				.tag("practitioner", practitioner)
				.register(meters);
			Gauge.builder("feedback.score.average", () -> scores(practitioner).average())
				.description("Average score, 1 to 5, patients gave the sessions of the last 30 days")
				.tag("practitioner", practitioner)
				.register(meters);
		}
	}

	private Scores scores(String practitioner) {
		Instant since = this.clock.instant().minus(PERIOD);
		return this.feedback.scoresSince(since).getOrDefault(practitioner, Scores.NONE);
	}

}
