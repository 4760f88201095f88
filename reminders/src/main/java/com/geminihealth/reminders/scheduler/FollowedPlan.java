package com.geminihealth.reminders.scheduler;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import com.geminihealth.schemas.appointment.Appointment;
import com.geminihealth.schemas.plan.PlanStep;
import com.geminihealth.schemas.plan.PlanTerms;
import com.geminihealth.schemas.plan.TreatmentPlan;

/**
 * The treatment plan a patient follows and how far they are in it, kept by patient so
 * that each session over counts, and each follow-up is timed and named by the plan.
 *
 * @param plan the plan as last published
 * @param sessionsDone the plan's sessions over since it was recorded
 */
record FollowedPlan(TreatmentPlan plan, int sessionsDone) {

	/** {@code plan} as it now stands, keeping the count of a plan already followed. */
	static FollowedPlan of(TreatmentPlan plan, FollowedPlan before) {
		boolean same = before != null && before.plan.planId().equals(plan.planId());
		return new FollowedPlan(plan, same ? before.sessionsDone : 0);
	}

	/**
	 * Whether {@code appointment} is a session of this plan: booked as the plan's
	 * service, and not the assessment it was recorded after.
	 */
	boolean counts(Appointment appointment) {
		return appointment.service().equals(terms().service())
				&& !appointment.appointmentId().equals(this.plan.assessment());
	}

	/**
	 * Whether the follow-up after {@code appointment} follows this plan: the plan still
	 * runs, has sessions to come, and the appointment is its assessment or one of its
	 * sessions.
	 */
	boolean times(Appointment appointment) {
		return !this.plan.stopped() && this.sessionsDone < terms().sessionsPlanned()
				&& (appointment.appointmentId().equals(this.plan.assessment()) || counts(appointment));
	}

	FollowedPlan afterSession() {
		return new FollowedPlan(this.plan, this.sessionsDone + 1);
	}

	/** When the next session falls due after {@code appointment}: the plan's interval. */
	Instant nextDue(Appointment appointment) {
		return appointment.end().plus(Duration.ofDays(terms().intervalDays()));
	}

	/** The session to book next, while the plan runs and has sessions to come. */
	Optional<PlanStep> nextStep() {
		if (this.plan.stopped() || this.sessionsDone >= terms().sessionsPlanned()) {
			return Optional.empty();
		}
		return Optional.of(new PlanStep(this.plan.planId(), terms().service(), this.sessionsDone + 1,
				terms().sessionsPlanned(), terms().reviewDate()));
	}

	private PlanTerms terms() {
		return this.plan.terms();
	}

}
