package com.geminihealth.dashboard.notification;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.geminihealth.dashboard.stream.Events;
import com.geminihealth.schemas.Topics;
import com.geminihealth.schemas.booking.AppointmentId;
import com.geminihealth.schemas.notification.NotificationDelivered;
import com.geminihealth.schemas.notification.NotificationFailed;
import com.geminihealth.schemas.notification.NotificationId;
import com.geminihealth.schemas.notification.NotificationOutcome;
import com.geminihealth.schemas.notification.NotificationSent;
import com.geminihealth.schemas.notification.NotificationSuppressed;
import com.geminihealth.schemas.reminder.Channel;

import static org.assertj.core.api.Assertions.assertThat;

class OutcomesTest {

	private final Events events = new Events();

	private final Outcomes outcomes = new Outcomes();

	private final Instant now = Instant.parse("2026-12-01T15:00:00Z");

	@Test
	void showsEachMessageOnceWithItsLatestOutcome() {
		NotificationId sms = new NotificationId("e1:appointment-confirmed:sms");
		NotificationId email = new NotificationId("e1:appointment-confirmed:email");
		NotificationId reminder = new NotificationId("e2:reminder:sms");
		apply(new NotificationSent(sms, Channel.SMS, "appointment-confirmed", AppointmentId.random(), "SM1", 1,
				this.now));
		apply(new NotificationDelivered(sms, Channel.SMS, "SM1", this.now.plusSeconds(5)));
		apply(new NotificationFailed(email, Channel.EMAIL, "appointment-confirmed", null, "mailbox unavailable", "550",
				true, 3, this.now.plusSeconds(1)));
		apply(new NotificationSuppressed(reminder, Channel.SMS, "reminder", null,
				NotificationSuppressed.Reason.OPTED_OUT, this.now.plusSeconds(2)));

		assertThat(this.outcomes.messages())
			.extracting(Outcomes.Message::id, Outcomes.Message::status, Outcomes.Message::reason)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(sms.value(), "delivered", null),
					org.assertj.core.groups.Tuple.tuple(reminder.value(), "suppressed", "opted out"),
					org.assertj.core.groups.Tuple.tuple(email.value(), "failed",
							"mailbox unavailable (550), permanent"));
		assertThat(this.outcomes.messages().get(0).purpose()).isEqualTo("appointment-confirmed");
		assertThat(this.outcomes.successRate().percent()).isEqualTo(50);
	}

	@Test
	void keepsADeliveryReceiptThatArrivedBeforeTheSentOutcome() {
		NotificationId sms = new NotificationId("e3:appointment-confirmed:sms");
		apply(new NotificationDelivered(sms, Channel.SMS, "SM2", this.now.plusSeconds(1)));
		apply(new NotificationSent(sms, Channel.SMS, "appointment-confirmed", AppointmentId.random(), "SM2", 1,
				this.now));

		assertThat(this.outcomes.messages()).singleElement()
			.extracting(Outcomes.Message::status)
			.isEqualTo("delivered");
	}

	@Test
	void keepsShowingAMessageAsSentWhenASecondRequestToSendItIsSuppressed() {
		NotificationId email = new NotificationId("e12:appointment-confirmed:email");
		apply(failed(email, Channel.EMAIL, "expired: its horizon passed while retrying", "EXPIRED", true, this.now));
		apply(new NotificationSent(email, Channel.EMAIL, "appointment-confirmed", null, "m2", 1,
				this.now.plusSeconds(60)));
		apply(new NotificationSuppressed(email, Channel.EMAIL, "appointment-confirmed", null,
				NotificationSuppressed.Reason.ALREADY_SENT, this.now.plusSeconds(61)));

		assertThat(this.outcomes.find(email.value())).get().extracting(Outcomes.Message::status).isEqualTo("sent");
	}

	@Test
	void countsTheMessagesWaitingToRetryPerChannelSinceTheOldestFirstFailed() {
		NotificationId email = new NotificationId("e4:appointment-confirmed:email");
		NotificationId held = new NotificationId("e4:appointment-confirmed:sms");
		NotificationId later = new NotificationId("e5:reminder:email");
		apply(sending(email, Channel.EMAIL, this.now));
		apply(failed(email, Channel.EMAIL, "will try again: MailSendException", null, false, this.now));
		apply(sending(email, Channel.EMAIL, this.now.plusSeconds(60)));
		apply(failed(email, Channel.EMAIL, "will try again: MailSendException", null, false, this.now.plusSeconds(60)));
		apply(failed(held, Channel.SMS, "held until 08:00: quiet hours", "HELD_QUIET_HOURS", false,
				this.now.plusSeconds(5)));
		apply(failed(later, Channel.EMAIL, "will try again: MailSendException", null, false, this.now.plusSeconds(30)));

		assertThat(this.outcomes.backlog()).containsExactly(new Outcomes.Backlog("EMAIL", 2, this.now),
				new Outcomes.Backlog("SMS", 1, this.now.plusSeconds(5)));
	}

	@Test
	void leavesTheBacklogOnceAMessageIsSentExpiresOrMayHaveLeft() {
		NotificationId sent = new NotificationId("e6:appointment-confirmed:email");
		NotificationId expired = new NotificationId("e7:appointment-confirmed:email");
		NotificationId unknown = new NotificationId("e8:appointment-confirmed:sms");
		for (NotificationId id : new NotificationId[] { sent, expired }) {
			apply(failed(id, Channel.EMAIL, "will try again: MailSendException", null, false, this.now));
		}
		apply(failed(unknown, Channel.SMS, "will try again: ApiException", null, false, this.now));
		apply(new NotificationSent(sent, Channel.EMAIL, "appointment-confirmed", null, "m1", 2,
				this.now.plusSeconds(9)));
		apply(failed(expired, Channel.EMAIL, "expired: its horizon passed while retrying", "EXPIRED", true,
				this.now.plusSeconds(9)));
		apply(failed(unknown, Channel.SMS, "Twilio did not answer in time", "OUTCOME_UNKNOWN", false,
				this.now.plusSeconds(9)));

		assertThat(this.outcomes.backlog()).isEmpty();
		assertThat(this.outcomes.find(expired.value())).get()
			.extracting(Outcomes.Message::failure)
			.isEqualTo(Failure.ENDED);
		assertThat(this.outcomes.find(unknown.value())).get()
			.extracting(Outcomes.Message::failure)
			.isEqualTo(Failure.MAY_HAVE_LEFT);
		assertThat(this.outcomes.find(sent.value())).get().extracting(Outcomes.Message::failure).isNull();
	}

	@Test
	void tellsARefusalForGoodAndAnUndeliveredReportFromAMessageThatEnded() {
		NotificationId refused = new NotificationId("e9:appointment-confirmed:sms");
		NotificationId undelivered = new NotificationId("e10:appointment-confirmed:sms");
		NotificationId gaveUp = new NotificationId("e11:appointment-confirmed:email");
		apply(failed(refused, Channel.SMS, "invalid number", "21211", true, this.now));
		apply(failed(undelivered, Channel.SMS, "the provider reported the message undelivered", "30003", true,
				this.now));
		apply(failed(gaveUp, Channel.EMAIL, "gave up retrying: MailSendException", null, false, this.now));

		assertThat(this.outcomes.find(refused.value()).orElseThrow().failure()).isEqualTo(Failure.REFUSED);
		assertThat(this.outcomes.find(undelivered.value()).orElseThrow().failure()).isEqualTo(Failure.UNDELIVERED);
		assertThat(this.outcomes.find(gaveUp.value()).orElseThrow().failure()).isEqualTo(Failure.ENDED);
	}

	private static NotificationFailed sending(NotificationId id, Channel channel, Instant at) {
		return failed(id, channel, "sending: no answer from the provider yet", "OUTCOME_UNKNOWN", false, at);
	}

	private static NotificationFailed failed(NotificationId id, Channel channel, String reason, String code,
			boolean permanent, Instant at) {
		return new NotificationFailed(id, channel, id.purpose(), null, reason, code, permanent, 1, at);
	}

	private void apply(NotificationOutcome outcome) {
		this.outcomes.apply(this.events.of(Topics.NOTIFICATION_OUTCOMES, outcome.notificationId(), outcome));
	}

}
