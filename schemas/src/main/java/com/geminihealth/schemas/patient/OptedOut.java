package com.geminihealth.schemas.patient;

import java.time.Instant;

import com.geminihealth.schemas.reminder.Channel;

/**
 * The patient wants no more messages on {@code channel} (STOP, ARRET, or the front desk).
 */
public record OptedOut(PatientContact contact, Channel channel, String keyword, ReplySource source,
		Instant receivedAt) implements PatientReply {
}
