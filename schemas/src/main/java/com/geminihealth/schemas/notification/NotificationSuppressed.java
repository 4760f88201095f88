package com.geminihealth.schemas.notification;

import java.time.Instant;

import com.geminihealth.schemas.booking.AppointmentId;
import com.geminihealth.schemas.reminder.Channel;

/** The message was deliberately not sent, and why. */
public record NotificationSuppressed(NotificationId notificationId, Channel channel, String purpose,
		AppointmentId appointmentId, Reason reason, Instant at) implements NotificationOutcome {

	public enum Reason {

		OPTED_OUT, NO_CONSENT, NO_CONTACT, QUIET_HOURS, ALREADY_SENT, APPOINTMENT_CANCELLED,

		/**
		 * The appointment was moved, or marked no-show or completed, after the notice was
		 * due: it no longer says what the appointment is.
		 */
		APPOINTMENT_CHANGED

	}

}
