package com.geminihealth.schemas.reminder;

import java.time.Instant;

import com.geminihealth.schemas.appointment.Appointment;
import com.geminihealth.schemas.plan.PlanStep;

/**
 * The recommended follow-up is due: it joins the front desk's call list, and
 * {@code nudge} says whether the patient consented to a "time to book" message. When the
 * patient follows a treatment plan, {@code plan} says which session of it to book, as
 * what service, and when the plan is reviewed; absent otherwise.
 */
public record FollowUpDue(Appointment appointment, boolean nudge, Instant dueAt, Instant firedAt,
		PlanStep plan) implements DueNotice {

	/** A follow-up of no treatment plan. */
	public FollowUpDue(Appointment appointment, boolean nudge, Instant dueAt, Instant firedAt) {
		this(appointment, nudge, dueAt, firedAt, null);
	}

}
