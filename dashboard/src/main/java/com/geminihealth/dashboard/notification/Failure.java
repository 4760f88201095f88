package com.geminihealth.dashboard.notification;

import com.geminihealth.schemas.notification.NotificationFailed;

/**
 * What comes next for a message whose latest outcome is a failure, and so whether the
 * front desk may send it again.
 */
public enum Failure {

	/**
	 * Waiting on the retry stream for its next attempt, or held until quiet hours end.
	 */
	WAITING,

	/**
	 * Whether it left is not known (a provider that did not answer, or an attempt under
	 * way): never sent again blindly.
	 */
	MAY_HAVE_LEFT,

	/** The provider took it, then reported it undelivered: it left. */
	UNDELIVERED,

	/**
	 * Refused for good (an invalid or unsubscribed number, an unknown mailbox): sent
	 * again, it would fail the same way.
	 */
	REFUSED,

	/**
	 * No attempt is left (its horizon passed, or its attempts ran out) and it did not
	 * leave: it may be sent again.
	 */
	ENDED;

	static Failure of(NotificationFailed failed) {
		String reason = (failed.reason() != null) ? failed.reason() : "";
		if (NotificationFailed.OUTCOME_UNKNOWN.equals(failed.errorCode())) {
			return MAY_HAVE_LEFT;
		}
		if (reason.startsWith(NotificationFailed.REPORTED_BY_PROVIDER)) {
			return UNDELIVERED;
		}
		if (!failed.permanent() && (NotificationFailed.HELD_QUIET_HOURS.equals(failed.errorCode())
				|| reason.startsWith(NotificationFailed.WILL_TRY_AGAIN))) {
			return WAITING;
		}
		if (NotificationFailed.EXPIRED.equals(failed.errorCode()) || reason.startsWith(NotificationFailed.GAVE_UP)) {
			return ENDED;
		}
		return failed.permanent() ? REFUSED : ENDED;
	}

	/**
	 * Whether the message is still in the trouble it was in: waiting, or an attempt of it
	 * under way.
	 */
	boolean ongoing() {
		return this == WAITING || this == MAY_HAVE_LEFT;
	}

}
