package com.geminihealth.notifications.delivery;

import java.time.Clock;
import java.util.Locale;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

import com.geminihealth.platform.EventPublisher;
import com.geminihealth.schemas.Topics;
import com.geminihealth.schemas.booking.AppointmentId;
import com.geminihealth.schemas.notification.DeliveryReport;
import com.geminihealth.schemas.notification.NotificationDelivered;
import com.geminihealth.schemas.notification.NotificationFailed;
import com.geminihealth.schemas.notification.NotificationId;
import com.geminihealth.schemas.notification.NotificationOutcome;
import com.geminihealth.schemas.notification.NotificationSent;
import com.geminihealth.schemas.notification.NotificationSuppressed;
import com.geminihealth.schemas.reminder.Channel;

/**
 * Sends each notification once, whatever the channel, never to a patient who opted out of
 * it: its id (the triggering event's id, the purpose and the channel) is checked before
 * sending, and every attempt ends in an outcome event that names it. A transient failure
 * is thrown on for {@link NotificationRetries} to try again later, and recorded as it
 * decides; a permanent one is recorded at once.
 */
@Component
public class NotificationDelivery {

	private static final Logger logger = LoggerFactory.getLogger(NotificationDelivery.class);

	private final SentNotifications sent;

	private final OptOuts optOuts;

	private final EventPublisher publisher;

	private final Clock clock;

	NotificationDelivery(SentNotifications sent, OptOuts optOuts, EventPublisher publisher, Clock clock) {
		this.sent = sent;
		this.optOuts = optOuts;
		this.publisher = publisher;
		this.clock = clock;
	}

	/**
	 * Sends to {@code contact} unless they opted out of the channel or it was sent
	 * already. {@code appointment} is null for a message about no appointment.
	 */
	public void deliver(AppointmentId appointment, Trigger trigger, String purpose, Channel channel, String contact,
			Sender sender) {
		NotificationId id = NotificationId.of(trigger.eventId(), purpose, channel);
		if (this.optOuts.optedOut(contact, channel)) {
			suppress(appointment, trigger.eventId(), purpose, channel, NotificationSuppressed.Reason.OPTED_OUT);
			return;
		}
		if (this.sent.alreadySent(id)) {
			suppress(appointment, trigger.eventId(), purpose, channel, NotificationSuppressed.Reason.ALREADY_SENT);
			return;
		}
		try {
			String providerId = sender.send(id);
			this.sent.markSent(id);
			publish(new NotificationSent(id, channel, purpose, appointment, providerId, trigger.attempt(),
					this.clock.instant()));
			logger.info("Sent {} {} ({}) on attempt {}", channel, purpose, id.value(), trigger.attempt());
		}
		catch (PermanentFailure ex) {
			logger.warn("Could not send {} {} ({}): {}", channel, purpose, id.value(), ex.getMessage());
			publish(new NotificationFailed(id, channel, purpose, appointment, ex.getMessage(), ex.code(), true,
					trigger.attempt(), this.clock.instant()));
		}
		catch (RuntimeException ex) {
			// Its name, not its message: a mail server's message may quote the address.
			throw new TransientFailure(new NotificationFailed(id, channel, purpose, appointment,
					ex.getClass().getSimpleName(), null, false, trigger.attempt(), this.clock.instant()), ex);
		}
	}

	/**
	 * The passing failure of a notification behind {@code failure}, if it was one: worth
	 * trying again, unlike a record that could not be read.
	 */
	public static Optional<TransientFailure> transientCause(Throwable failure) {
		Throwable cause = failure;
		while (cause != null && !(cause instanceof TransientFailure)) {
			cause = cause.getCause();
		}
		return Optional.ofNullable((TransientFailure) cause);
	}

	/**
	 * Records a failed attempt that will be made again, so the front desk sees a message
	 * in trouble before its attempts run out; not permanent, and the next attempt's
	 * outcome supersedes it.
	 */
	void willRetry(TransientFailure failure) {
		publishFailed(failure, "will try again");
	}

	/**
	 * Records the outcome of a notification whose attempts ran out, so that nothing is
	 * dropped silently.
	 */
	void gaveUp(TransientFailure failure) {
		NotificationFailed failed = failure.outcome;
		logger.warn("Gave up on {} {} ({}) after {} attempts", failed.channel(), failed.purpose(),
				failed.notificationId().value(), failed.attempt());
		publishFailed(failure, "gave up retrying");
	}

	private void publishFailed(TransientFailure failure, String whatNext) {
		NotificationFailed failed = failure.outcome;
		publish(new NotificationFailed(failed.notificationId(), failed.channel(), failed.purpose(),
				failed.appointmentId(), whatNext + ": " + failed.reason(), null, false, failed.attempt(), failed.at()));
	}

	/**
	 * Records what the provider said became of a message it accepted. A message it could
	 * not deliver failed for good: the provider does not try again, and neither do we.
	 */
	void reported(DeliveryReport report) {
		NotificationId id = report.notificationId();
		if (report.status() == DeliveryReport.Status.DELIVERED) {
			publish(new NotificationDelivered(id, report.channel(), report.providerId(), report.at()));
			return;
		}
		logger.warn("The provider could not deliver {} (error {})", id.value(), report.errorCode());
		publish(new NotificationFailed(id, report.channel(), id.purpose(), null,
				"the provider reported the message " + report.status().name().toLowerCase(Locale.ROOT),
				report.errorCode(), true, 1, report.at()));
	}

	/** Records that a notification was deliberately not sent, and why. */
	public void suppress(AppointmentId appointment, String eventId, String purpose, Channel channel,
			NotificationSuppressed.Reason reason) {
		NotificationId id = NotificationId.of(eventId, purpose, channel);
		publish(new NotificationSuppressed(id, channel, purpose, appointment, reason, this.clock.instant()));
	}

	private void publish(NotificationOutcome outcome) {
		this.publisher.publish(Topics.NOTIFICATION_OUTCOMES, outcome.notificationId(), outcome);
	}

	/** Hands one message to a provider and returns the provider's id for it. */
	@FunctionalInterface
	public interface Sender {

		String send(NotificationId id);

	}

	/**
	 * A failure worth retrying (a provider rate limit or outage), with the failed
	 * attempt's outcome, its reason still to say whether it will be tried again.
	 */
	public static class TransientFailure extends RuntimeException {

		private final NotificationFailed outcome;

		TransientFailure(NotificationFailed outcome, Throwable cause) {
			super(cause.getMessage(), cause);
			this.outcome = outcome;
		}

	}

	/** Retrying cannot help: an invalid or opted-out number, a rejected address. */
	public static class PermanentFailure extends RuntimeException {

		private final String code;

		public PermanentFailure(String reason, String code, Throwable cause) {
			super(reason, cause);
			this.code = code;
		}

		public String code() {
			return this.code;
		}

	}

}
