package com.geminihealth.intake.decider;

import java.time.Duration;
import java.time.LocalTime;

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
 * @param waitlist how freed slots are offered to the waitlist
 */
@Validated
@ConfigurationProperties("decider")
public record DeciderProperties(@DefaultValue @Valid @NotNull Retention retention,
		@DefaultValue @Valid @NotNull Waitlist waitlist) {

	/**
	 * Thirty days for declines, ninety after the end for appointments, pruned hourly;
	 * waitlist offers held fifteen minutes, made from 08:00 to 21:00.
	 */
	public static DeciderProperties defaults() {
		return new DeciderProperties(new Retention(Duration.ofDays(30), Duration.ofDays(90), Duration.ofHours(1)),
				Waitlist.defaults());
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

	/**
	 * @param offerFor how long a freed slot is held for the patient it is offered to
	 * (default 15 minutes); then it goes to the next in line
	 * @param offersFrom the location's wall-clock time from which offers are made
	 * (default 08:00, the end of quiet hours)
	 * @param offersUntil the time after which no offer is made (default 21:00, the start
	 * of quiet hours): a slot freed at night is offered in the morning
	 * @param checkEvery how often, by the wall clock, offers are expired (default every
	 * second)
	 * @param sweepEvery how often every waiting patient is matched against the open times
	 * (default every minute): slots the front desk added, and those freed at night, are
	 * offered so
	 */
	public record Waitlist(@DefaultValue("15m") @NotNull Duration offerFor,
			@DefaultValue("08:00") @NotNull LocalTime offersFrom, @DefaultValue("21:00") @NotNull LocalTime offersUntil,
			@DefaultValue("1s") @NotNull Duration checkEvery, @DefaultValue("1m") @NotNull Duration sweepEvery) {

		public static Waitlist defaults() {
			return new Waitlist(Duration.ofMinutes(15), LocalTime.of(8, 0), LocalTime.of(21, 0), Duration.ofSeconds(1),
					Duration.ofMinutes(1));
		}

		/**
		 * Whether an offer may be made at {@code local}, the location's wall-clock time.
		 */
		public boolean offersAt(LocalTime local) {
			return !local.isBefore(this.offersFrom) && local.isBefore(this.offersUntil);
		}

	}

}
