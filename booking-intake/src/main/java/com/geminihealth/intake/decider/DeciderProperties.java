package com.geminihealth.intake.decider;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How long the decider keeps what it decided. Its state is a working copy: every
 * appointment as it stands is kept for good on the appointment-states topic, so the
 * decider keeps only what its next decisions and the status URL need, and its restore
 * time stays bounded.
 *
 * @param retention how long each kind of entry stays in the decider's stores
 */
@Validated
@ConfigurationProperties("decider")
public record DeciderProperties(@DefaultValue @Valid @NotNull Retention retention) {

	/** Thirty days for declines, ninety after the end for appointments, pruned hourly. */
	public static DeciderProperties defaults() {
		return new DeciderProperties(new Retention(Duration.ofDays(30), Duration.ofDays(90), Duration.ofHours(1)));
	}

	/**
	 * @param declined how long a declined or rejected request's status stays after its
	 * decision (default 30 days): long enough for the patient to follow the status link
	 * from the answer and book one of the alternatives it offered, then the request means
	 * nothing any more
	 * @param horizon how long an appointment (its status and calendar entry) stays after
	 * it ended, and a command id after it was applied (default 90 days): the front desk
	 * marks sessions completed or no-show within days, late changes and duplicate
	 * commands arrive within the booking stream's week of retention, and a quarter leaves
	 * room for both with the appointment's state kept for good on its topic
	 * @param pruneEvery how often, by the wall clock, expired entries are removed
	 * (default hourly): entries outlive their time by at most this much
	 */
	public record Retention(@DefaultValue("30d") @NotNull Duration declined,
			@DefaultValue("90d") @NotNull Duration horizon, @DefaultValue("1h") @NotNull Duration pruneEvery) {

	}

}
