package com.geminihealth.notifications.delivery;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import io.micrometer.core.instrument.MeterRegistry;
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
import com.geminihealth.schemas.reminder.DueNotice;

/**
 * Sends each notification once, whatever the channel, never to a patient who opted out of
 * it, never contradicting the appointment as it now stands. Its id (the triggering
 * event's id, the purpose and the channel) is looked up in the ledger before sending,
 * with the ledger, the preferences and the appointments read up to their ends first,
 * after any wait for the sender's pace. An outcome saying the fate is unknown is claimed
 * just before the provider is called, fenced by the consumer group
 * ({@link SendingClaims}): a crash between the provider's accept and the "sent" record
 * leaves a message known to be in doubt, never one sent again blindly, and an instance
 * that lost the trigger's partition leaves the message to its new owner. Every attempt
 * ends in an outcome event that names it. A transient failure is thrown on for
 * {@link NotificationRetries} to try again later, and recorded as it decides; a permanent
 * one is recorded at once.
 */
@Component
public class NotificationDelivery {

	private static final Logger logger = LoggerFactory.getLogger(NotificationDelivery.class);

	/**
	 * The error code of a message that could not be sent before it would have been
	 * useless (its appointment began, or the retry ceiling passed): failed for good, but
	 * the front desk may send it again deliberately.
	 */
	public static final String EXPIRED = NotificationFailed.EXPIRED;

	/**
	 * The error code of a message held back until the end of quiet hours: not sent, and
	 * waiting on the retry stream.
	 */
	public static final String HELD = NotificationFailed.HELD_QUIET_HOURS;

	private final NotificationLedger ledger;

	private final SendingClaims claims;

	private final OptOuts optOuts;

	private final AppointmentStates appointments;

	private final CurrentTables tables;

	private final EventPublisher publisher;

	private final Clock clock;

	private final MeterRegistry meters;

	NotificationDelivery(NotificationLedger ledger, SendingClaims claims, OptOuts optOuts,
			AppointmentStates appointments, CurrentTables tables, EventPublisher publisher, Clock clock,
			MeterRegistry meters) {
		this.ledger = ledger;
		this.claims = claims;
		this.optOuts = optOuts;
		this.appointments = appointments;
		this.tables = tables;
		this.publisher = publisher;
		this.clock = clock;
		this.meters = meters;
	}

	/**
	 * Sends to {@code contact} unless it was sent already, may have been, or they opted
	 * out of the channel. {@code appointment} is null for a message about no appointment.
	 */
	public void deliver(AppointmentId appointment, Trigger trigger, String purpose, Channel channel, String contact,
			Sender sender) {
		deliver(appointment, trigger, purpose, channel, contact, null, Turn.ANY_TIME, sender);
	}

	/**
	 * As {@link #deliver(AppointmentId, Trigger, String, Channel, String, Sender)}, with
	 * {@code turn} awaited just before sending, which may hold or skip the message.
	 */
	public void deliver(AppointmentId appointment, Trigger trigger, String purpose, Channel channel, String contact,
			Turn turn, Sender sender) {
		deliver(appointment, trigger, purpose, channel, contact, null, turn, sender);
	}

	/**
	 * As {@link #deliver(AppointmentId, Trigger, String, Channel, String, Sender)} for a
	 * notice the scheduler found due, which is also suppressed when the appointment no
	 * longer stands as the notice describes it.
	 */
	public void deliver(DueNotice notice, Trigger trigger, String purpose, Channel channel, String contact,
			Sender sender) {
		deliver(notice.appointmentId(), trigger, purpose, channel, contact, notice, Turn.ANY_TIME, sender);
	}

	/**
	 * As {@link #deliver(DueNotice, Trigger, String, Channel, String, Sender)}, with
	 * {@code turn} awaited just before sending.
	 */
	public void deliver(DueNotice notice, Trigger trigger, String purpose, Channel channel, String contact, Turn turn,
			Sender sender) {
		deliver(notice.appointmentId(), trigger, purpose, channel, contact, notice, turn, sender);
	}

	private void deliver(AppointmentId appointment, Trigger trigger, String purpose, Channel channel, String contact,
			DueNotice notice, Turn turn, Sender sender) {
		NotificationId id = NotificationId.of(trigger.eventId(), purpose, channel);
		try {
			attempt(id, appointment, trigger, contact, notice, turn, sender);
		}
		catch (EventPublisher.NotAcknowledged ex) {
			// An outcome or the claim before anything left: safe to try again later.
			throw new TransientFailure(notSent(id, appointment, trigger, ex), ex);
		}
	}

	private void attempt(NotificationId id, AppointmentId appointment, Trigger trigger, String contact,
			DueNotice notice, Turn turn, Sender sender) {
		Channel channel = channelOf(id);
		String purpose = id.purpose();
		// First: a STOP, a cancellation or another instance's send that comes during the
		// wait is then read below.
		turn.await();
		if (settledAlready(id, appointment, trigger)) {
			return;
		}
		if (objected(id, appointment, contact, notice)) {
			return;
		}
		NotificationFailed sending = new NotificationFailed(id, channel, purpose, appointment,
				NotificationLedger.SENDING, NotificationLedger.OUTCOME_UNKNOWN, false, trigger.attempt(),
				this.clock.instant());
		try {
			this.ledger.recorded(sending, this.claims.claim(sending));
		}
		catch (SendingClaims.Lost ex) {
			logger.info("Not sending {}: {}, which sends it", id.value(), ex.getMessage());
			this.meters.counter("notifications.claims.lost", "channel", channel.name()).increment();
			return;
		}
		// Last, just before the provider: a claim can take a while when the brokers are
		// busy, and a STOP or a cancellation read meanwhile stops the message, a night
		// that
		// began meanwhile holds it.
		if (objected(id, appointment, contact, notice) || !tookTurn(id, appointment, trigger, turn)) {
			return;
		}
		String providerId;
		try {
			providerId = sender.send(id);
		}
		catch (PermanentFailure ex) {
			logger.warn("Could not send {} {} ({}): {}", channel, purpose, id.value(), ex.getMessage());
			recordAfterSending(new NotificationFailed(id, channel, purpose, appointment, ex.getMessage(), ex.code(),
					true, trigger.attempt(), this.clock.instant()));
			return;
		}
		catch (OutcomeUnknown ex) {
			// Sending again could text or email the patient twice: the provider's report,
			// or the front desk, settles it.
			logger.warn("No answer from the provider for {} {} ({}): whether it left is unknown", channel, purpose,
					id.value());
			this.meters.counter("notifications.outcomes.unknown", "channel", channel.name()).increment();
			recordAfterSending(new NotificationFailed(id, channel, purpose, appointment, ex.getMessage(),
					NotificationLedger.OUTCOME_UNKNOWN, false, trigger.attempt(), this.clock.instant()));
			return;
		}
		catch (RuntimeException ex) {
			throw new TransientFailure(notSent(id, appointment, trigger, ex), ex);
		}
		recordAfterSending(new NotificationSent(id, channel, purpose, appointment, providerId, trigger.attempt(),
				this.clock.instant()));
		logger.info("Sent {} {} ({}) on attempt {}", channel, purpose, id.value(), trigger.attempt());
	}

	/**
	 * Whether the contact opted out of the channel, or the appointment no longer wants
	 * the notice: if so, recorded as suppressed, with the reason.
	 */
	private boolean objected(NotificationId id, AppointmentId appointment, String contact, DueNotice notice) {
		Channel channel = channelOf(id);
		Optional<NotificationSuppressed.Reason> objection = this.optOuts.optedOut(contact, channel)
				? Optional.of(NotificationSuppressed.Reason.OPTED_OUT)
				: Optional.ofNullable(notice).flatMap(this.appointments::contradiction);
		objection.ifPresent((reason) -> publish(
				new NotificationSuppressed(id, channel, id.purpose(), appointment, reason, this.clock.instant())));
		return objection.isPresent();
	}

	/**
	 * A failed attempt after which nothing left, named by its failure's class, not its
	 * message: a mail server's message may quote the address.
	 */
	private NotificationFailed notSent(NotificationId id, AppointmentId appointment, Trigger trigger,
			RuntimeException failure) {
		return new NotificationFailed(id, channelOf(id), id.purpose(), appointment, failure.getClass().getSimpleName(),
				null, false, trigger.attempt(), this.clock.instant());
	}

	/**
	 * Records what the provider said. Should the record fail, the claim stays the latest
	 * outcome: the message counts as in doubt, is not sent again, and a provider's report
	 * or the front desk settles it; not a dead letter, and not a retry.
	 */
	private void recordAfterSending(NotificationOutcome outcome) {
		try {
			publish(outcome);
		}
		catch (EventPublisher.NotAcknowledged ex) {
			logger.warn("Could not record the outcome of {}: it stays in doubt", outcome.notificationId().value());
			this.meters.counter("notifications.outcomes.unrecorded", "channel", outcome.channel().name()).increment();
		}
	}

	/**
	 * Whether it is the message's moment (the end of a night): checked after the claim,
	 * so that what it finds still holds when the provider is called. A message held is
	 * recorded as not sent (superseding its claim) and thrown on to wait on the retry
	 * stream; one skipped is recorded as suppressed.
	 */
	private boolean tookTurn(NotificationId id, AppointmentId appointment, Trigger trigger, Turn turn) {
		try {
			turn.check();
			return true;
		}
		catch (Skip skip) {
			publish(new NotificationSuppressed(id, channelOf(id), id.purpose(), appointment, skip.reason,
					this.clock.instant()));
			return false;
		}
		catch (Hold hold) {
			NotificationFailed held = new NotificationFailed(id, channelOf(id), id.purpose(), appointment,
					"held until " + hold.until + ": " + hold.getMessage(), HELD, false, trigger.attempt(),
					this.clock.instant());
			publish(held);
			throw new Held(held, hold);
		}
	}

	/**
	 * Whether the ledger, read up to its end, says the message left or may have: then it
	 * is not sent, and a message that did leave is recorded as a suppressed duplicate.
	 */
	private boolean settledAlready(NotificationId id, AppointmentId appointment, Trigger trigger) {
		try {
			this.tables.catchUp();
		}
		catch (CurrentTables.NotCurrent ex) {
			throw new TransientFailure(new NotificationFailed(id, channelOf(id), id.purpose(), appointment,
					"the ledger could not be read: " + ex.getMessage(), null, false, trigger.attempt(),
					this.clock.instant()), ex);
		}
		NotificationLedger.Standing standing = this.ledger.standing(id);
		if (standing == NotificationLedger.Standing.SENT) {
			publish(new NotificationSuppressed(id, channelOf(id), id.purpose(), appointment,
					NotificationSuppressed.Reason.ALREADY_SENT, this.clock.instant()));
			return true;
		}
		if (standing == NotificationLedger.Standing.UNKNOWN) {
			// Its outcome stays the latest: a provider's report can still resolve it.
			logger.warn("Not sending {} again: whether it left is unknown", id.value());
			this.meters.counter("notifications.resends.withheld", "channel", channelOf(id).name()).increment();
			return true;
		}
		return false;
	}

	private static Channel channelOf(NotificationId id) {
		return Channel.valueOf(id.value().substring(id.value().lastIndexOf(':') + 1).toUpperCase(Locale.ROOT));
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
		publishFailed(failure, NotificationFailed.WILL_TRY_AGAIN);
	}

	/**
	 * Records that a notification's horizon passed before any attempt got through: it
	 * would now arrive too late to be of use, so it fails for good, as {@link #EXPIRED}.
	 */
	void expired(TransientFailure failure) {
		NotificationFailed failed = failure.outcome;
		logger.warn("{} {} ({}) expired after {} attempts", failed.channel(), failed.purpose(),
				failed.notificationId().value(), failed.attempt());
		publish(new NotificationFailed(failed.notificationId(), failed.channel(), failed.purpose(),
				failed.appointmentId(), "expired: its horizon passed while retrying: " + failed.reason(), EXPIRED, true,
				failed.attempt(), this.clock.instant()));
	}

	/**
	 * Records the outcome of a notification whose attempts ran out, so that nothing is
	 * dropped silently.
	 */
	void gaveUp(TransientFailure failure) {
		NotificationFailed failed = failure.outcome;
		logger.warn("Gave up on {} {} ({}) after {} attempts", failed.channel(), failed.purpose(),
				failed.notificationId().value(), failed.attempt());
		publishFailed(failure, NotificationFailed.GAVE_UP);
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
		publish(new NotificationFailed(id, report.channel(), id.purpose(), null, NotificationLedger.REPORTED_BY_PROVIDER
				+ " the message " + report.status().name().toLowerCase(Locale.ROOT), report.errorCode(), true, 1,
				report.at()));
	}

	/**
	 * Records that a notification was deliberately not sent, and why; unless the ledger
	 * says it left or may have, which the suppression would hide once the topic is
	 * compacted.
	 */
	public void suppress(AppointmentId appointment, Trigger trigger, String purpose, Channel channel,
			NotificationSuppressed.Reason reason) {
		NotificationId id = NotificationId.of(trigger.eventId(), purpose, channel);
		try {
			if (!settledAlready(id, appointment, trigger)) {
				publish(new NotificationSuppressed(id, channel, purpose, appointment, reason, this.clock.instant()));
			}
		}
		catch (EventPublisher.NotAcknowledged ex) {
			throw new TransientFailure(notSent(id, appointment, trigger, ex), ex);
		}
	}

	private void publish(NotificationOutcome outcome) {
		this.ledger.recorded(outcome,
				this.publisher.publish(Topics.NOTIFICATION_OUTCOMES, outcome.notificationId(), outcome).offset());
	}

	/** Hands one message to a provider and returns the provider's id for it. */
	@FunctionalInterface
	public interface Sender {

		String send(NotificationId id);

	}

	/**
	 * What must come before a message is handed to its provider: a sender's pace, the end
	 * of a night.
	 */
	public interface Turn {

		Turn ANY_TIME = new Turn() {
		};

		/**
		 * Waits for the message's moment (a sender's pace): before the ledger, the
		 * preferences and the appointments are read, so that what they say still holds
		 * when it goes.
		 */
		default void await() {
		}

		/**
		 * Whether the message may go at this very moment: throws {@link Hold} or
		 * {@link Skip} when it may not.
		 */
		default void check() {
		}

	}

	/** The message may not go now, but may at {@code until}. */
	public static class Hold extends RuntimeException {

		private final Instant until;

		public Hold(Instant until, String why) {
			super(why);
			this.until = until;
		}

	}

	/** The message may not go now and will be of no use later. */
	public static class Skip extends RuntimeException {

		private final NotificationSuppressed.Reason reason;

		public Skip(NotificationSuppressed.Reason reason) {
			super(reason.name());
			this.reason = reason;
		}

	}

	/**
	 * A message held back, to be tried again at {@link #until()}, not as a failed
	 * attempt.
	 */
	static final class Held extends TransientFailure {

		private final Instant until;

		Held(NotificationFailed outcome, Hold hold) {
			super(outcome, hold);
			this.until = hold.until;
		}

		Instant until() {
			return this.until;
		}

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

		NotificationFailed outcome() {
			return this.outcome;
		}

	}

	/**
	 * The request may have reached the provider, but no answer came back (a timeout after
	 * it was sent): sending again could deliver it twice.
	 */
	public static class OutcomeUnknown extends RuntimeException {

		public OutcomeUnknown(String reason, Throwable cause) {
			super(reason, cause);
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
