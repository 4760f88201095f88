package com.geminihealth.schemas.notification;

import com.geminihealth.schemas.Redact;
import java.time.Instant;

import com.geminihealth.schemas.booking.AppointmentId;
import com.geminihealth.schemas.reminder.Channel;

/**
 * The message could not be delivered. {@code permanent} is true when retrying cannot help
 * (invalid number, opted-out number, rejected address); {@code errorCode} is the
 * provider's, when it gave one, or one of the codes below. What comes next for the
 * message reads from the codes and from how the reason begins.
 */
public record NotificationFailed(NotificationId notificationId, Channel channel, String purpose,
		AppointmentId appointmentId, String reason, String errorCode, boolean permanent, int attempt,
		Instant at) implements NotificationOutcome {

	/**
	 * The error code of a message whose fate is not known: written just before a provider
	 * is called, and again when the provider gave no answer. It may have left.
	 */
	public static final String OUTCOME_UNKNOWN = "OUTCOME_UNKNOWN";

	/**
	 * The error code of a message that could not be sent before it would have been
	 * useless (its appointment began, or the retry ceiling passed): failed for good.
	 */
	public static final String EXPIRED = "EXPIRED";

	/**
	 * The error code of a text held back until the end of quiet hours: not sent, and
	 * waiting on the retry stream.
	 */
	public static final String HELD_QUIET_HOURS = "HELD_QUIET_HOURS";

	/** How the reason of a failed attempt that will be made again begins. */
	public static final String WILL_TRY_AGAIN = "will try again";

	/** How the reason of a message whose attempts ran out begins. */
	public static final String GAVE_UP = "gave up retrying";

	/**
	 * How the reason of a failure the provider reported about a message it had accepted
	 * begins: the message left, whatever became of it afterwards.
	 */
	public static final String REPORTED_BY_PROVIDER = "the provider reported";

	@Override
	public String toString() {
		return "NotificationFailed[" + this.notificationId + ", " + this.channel + ", " + this.purpose + ", "
				+ this.appointmentId + ", reason=" + Redact.text(this.reason) + ", errorCode=" + this.errorCode
				+ ", permanent=" + this.permanent + ", attempt=" + this.attempt + ", " + this.at + "]";
	}

}
