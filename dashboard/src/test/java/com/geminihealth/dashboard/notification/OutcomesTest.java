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

	private void apply(NotificationOutcome outcome) {
		this.outcomes.apply(this.events.of(Topics.NOTIFICATION_OUTCOMES, outcome.notificationId(), outcome));
	}

}
