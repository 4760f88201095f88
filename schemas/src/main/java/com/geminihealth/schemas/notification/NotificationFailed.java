package com.geminihealth.schemas.notification;

import com.geminihealth.schemas.Redact;
import java.time.Instant;

import com.geminihealth.schemas.booking.AppointmentId;
import com.geminihealth.schemas.reminder.Channel;

/**
 * The message could not be delivered. {@code permanent} is true when retrying cannot help
 * (invalid number, opted-out number, rejected address); {@code errorCode} is the
 * provider's, when it gave one.
 */
public record NotificationFailed(NotificationId notificationId, Channel channel, String purpose,
		AppointmentId appointmentId, String reason, String errorCode, boolean permanent, int attempt,
		Instant at) implements NotificationOutcome {

	@Override
	public String toString() {
		return "NotificationFailed[" + this.notificationId + ", " + this.channel + ", " + this.purpose + ", "
				+ this.appointmentId + ", reason=" + Redact.text(this.reason) + ", errorCode=" + this.errorCode
				+ ", permanent=" + this.permanent + ", attempt=" + this.attempt + ", " + this.at + "]";
	}

}
