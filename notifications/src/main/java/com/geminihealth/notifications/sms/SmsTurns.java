package com.geminihealth.notifications.sms;

import java.time.Clock;
import java.time.Instant;

import org.springframework.stereotype.Component;

import com.geminihealth.notifications.delivery.NotificationDelivery;
import com.geminihealth.schemas.notification.NotificationSuppressed;

/**
 * When a text may go: after its turn at the sender's pace, and then only outside the
 * quiet hours of its appointment's location, checked at the moment of sending so that a
 * burst queued at 20:59 cannot leak past 21:00. A text that falls in quiet hours is held
 * until they end if it is still of use then (a confirmation for next week), and skipped
 * if not (a reminder for an appointment that starts first).
 */
@Component
class SmsTurns {

	private final SenderPace pace;

	private final SmsProperties properties;

	private final Clock clock;

	SmsTurns(SenderShare share, SmsProperties properties, Clock clock) {
		this.pace = new SenderPace(
				() -> properties.configured() ? properties.messagesPerSecond() * share.fraction() : 0);
		this.properties = properties;
		this.clock = clock;
	}

	NotificationDelivery.Turn of(Sms sms) {
		return new NotificationDelivery.Turn() {

			@Override
			public void await() {
				SmsTurns.this.pace.await();
			}

			@Override
			public void check() {
				QuietHours quiet = SmsTurns.this.properties.quietHoursAt(sms.location());
				Instant now = SmsTurns.this.clock.instant();
				if (!quiet.contain(now, sms.zone())) {
					return;
				}
				Instant end = quiet.endAfter(now, sms.zone());
				if (sms.usefulUntil() != null && !end.isBefore(sms.usefulUntil())) {
					throw new NotificationDelivery.Skip(NotificationSuppressed.Reason.QUIET_HOURS);
				}
				throw new NotificationDelivery.Hold(end, "quiet hours at " + sms.location());
			}

		};
	}

}
