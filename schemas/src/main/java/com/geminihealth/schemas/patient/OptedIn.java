package com.geminihealth.schemas.patient;

import java.time.Instant;

import com.geminihealth.schemas.reminder.Channel;

/** The patient re-subscribed to {@code channel} (START, or the front desk). */
public record OptedIn(PatientContact contact, Channel channel, String keyword, ReplySource source,
		Instant receivedAt) implements PatientReply {
}
