package com.geminihealth.notifications.delivery;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.geminihealth.schemas.booking.AppointmentId;
import com.geminihealth.schemas.notification.NotificationDelivered;
import com.geminihealth.schemas.notification.NotificationFailed;
import com.geminihealth.schemas.notification.NotificationId;
import com.geminihealth.schemas.notification.NotificationSent;
import com.geminihealth.schemas.notification.NotificationSuppressed;
import com.geminihealth.schemas.reminder.Channel;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each outcome, as the only one of its notification left after compaction, says on its
 * own whether the message left.
 */
class NotificationLedgerTest {

	static final NotificationId ID = NotificationId.of("event-1", "appointment-reminder", Channel.SMS);

	static final AppointmentId APPOINTMENT = AppointmentId.random();

	@Test
	void aMessageTheProviderTookOrDeliveredLeft() {
		assertThat(NotificationLedger.standingAfter(
				new NotificationSent(ID, Channel.SMS, "appointment-reminder", APPOINTMENT, "SM1", 1, Instant.now())))
			.isEqualTo(NotificationLedger.Standing.SENT);
		assertThat(NotificationLedger.standingAfter(new NotificationDelivered(ID, Channel.SMS, "SM1", Instant.now())))
			.isEqualTo(NotificationLedger.Standing.SENT);
	}

	@Test
	void aMessageTheProviderReportedUndeliveredLeftAllTheSame() {
		assertThat(NotificationLedger
			.standingAfter(failed(NotificationLedger.REPORTED_BY_PROVIDER + " the message undelivered", "30003", true)))
			.isEqualTo(NotificationLedger.Standing.SENT);
	}

	@Test
	void aSuppressedDuplicateStandsForTheMessageThatLeft() {
		assertThat(NotificationLedger.standingAfter(new NotificationSuppressed(ID, Channel.SMS, "appointment-reminder",
				APPOINTMENT, NotificationSuppressed.Reason.ALREADY_SENT, Instant.now())))
			.isEqualTo(NotificationLedger.Standing.SENT);
	}

	@Test
	void aFailedAttemptToBeRetriedOrRefusedForGoodDidNotLeave() {
		assertThat(NotificationLedger.standingAfter(failed("will try again: ApiException", null, false)))
			.isEqualTo(NotificationLedger.Standing.NOT_SENT);
		assertThat(NotificationLedger.standingAfter(failed("Twilio refused the message", "21211", true)))
			.isEqualTo(NotificationLedger.Standing.NOT_SENT);
		assertThat(NotificationLedger.standingAfter(new NotificationSuppressed(ID, Channel.SMS, "appointment-reminder",
				APPOINTMENT, NotificationSuppressed.Reason.OPTED_OUT, Instant.now())))
			.isEqualTo(NotificationLedger.Standing.NOT_SENT);
	}

	@Test
	void aMessageBeingSentOrUnansweredMayHaveLeft() {
		assertThat(NotificationLedger
			.standingAfter(failed(NotificationLedger.SENDING, NotificationLedger.OUTCOME_UNKNOWN, false)))
			.isEqualTo(NotificationLedger.Standing.UNKNOWN);
		assertThat(NotificationLedger
			.standingAfter(failed("Twilio did not answer in time", NotificationLedger.OUTCOME_UNKNOWN, false)))
			.isEqualTo(NotificationLedger.Standing.UNKNOWN);
	}

	private static NotificationFailed failed(String reason, String code, boolean permanent) {
		return new NotificationFailed(ID, Channel.SMS, "appointment-reminder", APPOINTMENT, reason, code, permanent, 1,
				Instant.now());
	}

}
