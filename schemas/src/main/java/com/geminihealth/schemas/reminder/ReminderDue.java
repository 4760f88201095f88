package com.geminihealth.schemas.reminder;

import java.time.Instant;

import com.geminihealth.schemas.appointment.Appointment;

/**
 * A reminder before an appointment. {@code rule} names the policy rule that set it, such
 * as {@code email-24h} or {@code sms-2h}.
 */
public record ReminderDue(Appointment appointment, String rule, Channel channel, Instant dueAt,
		Instant firedAt) implements DueNotice {
}
