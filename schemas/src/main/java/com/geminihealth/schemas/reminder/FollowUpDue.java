package com.geminihealth.schemas.reminder;

import java.time.Instant;

import com.geminihealth.schemas.appointment.Appointment;

/**
 * The recommended follow-up is due: it joins the front desk's call list, and
 * {@code nudge} says whether the patient consented to a "time to book" message.
 */
public record FollowUpDue(Appointment appointment, boolean nudge, Instant dueAt, Instant firedAt) implements DueNotice {
}
