package com.geminihealth.schemas.reminder;

import java.time.Instant;

import com.geminihealth.schemas.appointment.Appointment;
import com.geminihealth.schemas.booking.AppointmentId;

/**
 * Something the reminders scheduler found due, keyed by appointment. {@code dueAt} is
 * when it was meant to fire; {@code firedAt} when it did.
 */
public sealed interface DueNotice permits ReminderDue, ThankYouDue, FollowUpDue {

	Appointment appointment();

	Instant dueAt();

	Instant firedAt();

	default AppointmentId appointmentId() {
		return appointment().appointmentId();
	}

}
