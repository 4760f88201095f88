package com.geminihealth.schemas.notification;

import java.time.Instant;

import com.geminihealth.schemas.booking.AppointmentId;
import com.geminihealth.schemas.reminder.Channel;

/**
 * The provider accepted the message. {@code providerId} is Twilio's message SID or the
 * email's Message-ID; {@code appointmentId} is null for messages about no appointment.
 */
public record NotificationSent(NotificationId notificationId, Channel channel, String purpose,
		AppointmentId appointmentId, String providerId, int attempt, Instant at) implements NotificationOutcome {
}
