package com.geminihealth.dashboard.notification;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.stereotype.Component;

import com.geminihealth.dashboard.stream.PipelineEvent;
import com.geminihealth.dashboard.stream.ReadModel;
import com.geminihealth.schemas.booking.AppointmentId;
import com.geminihealth.schemas.notification.NotificationDelivered;
import com.geminihealth.schemas.notification.NotificationFailed;
import com.geminihealth.schemas.notification.NotificationOutcome;
import com.geminihealth.schemas.notification.NotificationSent;
import com.geminihealth.schemas.notification.NotificationSuppressed;

/**
 * Where each message stands, by notification id: the latest outcome wins, except that a
 * later "sent" never hides a delivery receipt that arrived first, nor a later "already
 * sent" that the message left.
 */
@Component
public class Outcomes implements ReadModel {

	private final Map<String, Message> messages = new LinkedHashMap<>();

	@Override
	public synchronized void apply(PipelineEvent event) {
		if (!(event.value() instanceof NotificationOutcome outcome)) {
			return;
		}
		String id = outcome.notificationId().value();
		Message before = this.messages.get(id);
		String purpose = (before != null) ? before.purpose() : null;
		int attempts = (before != null) ? before.attempts() : 0;
		String status;
		String reason = null;
		Failure failure = null;
		if (outcome instanceof NotificationSent sent) {
			if (before != null && "delivered".equals(before.status())) {
				return;
			}
			status = "sent";
			purpose = sent.purpose();
			attempts = Math.max(attempts, sent.attempt());
		}
		else if (outcome instanceof NotificationDelivered) {
			status = "delivered";
		}
		else if (outcome instanceof NotificationFailed failed) {
			status = "failed";
			purpose = failed.purpose();
			attempts = Math.max(attempts, failed.attempt());
			reason = failed.reason() + ((failed.errorCode() != null) ? " (" + failed.errorCode() + ")" : "")
					+ (failed.permanent() ? ", permanent" : "");
			failure = Failure.of(failed);
		}
		else {
			NotificationSuppressed suppressed = (NotificationSuppressed) outcome;
			if (suppressed.reason() == NotificationSuppressed.Reason.ALREADY_SENT && before != null
					&& before.failure() == null
					&& (before.status().equals("sent") || before.status().equals("delivered"))) {
				// A second request to send it (sent again twice, an event replayed)
				// changes nothing: it left.
				return;
			}
			status = "suppressed";
			purpose = suppressed.purpose();
			reason = suppressed.reason().name().toLowerCase().replace('_', ' ');
		}
		AppointmentId appointment = outcome.appointmentId();
		String firstName = (event.firstName() != null) ? event.firstName()
				: (before != null) ? before.firstName() : null;
		Instant at = (outcome.at() != null) ? outcome.at() : event.time();
		this.messages.put(id,
				new Message(id, outcome.channel().name(), purpose,
						(appointment != null) ? appointment.value() : (before != null) ? before.appointmentId() : null,
						firstName, status, reason, attempts, at, failure, failingSince(before, failure, at)));
	}

	/**
	 * Since when a message that failed has been in trouble: from its first failure, for
	 * as long as it waits for its next attempt; a message that ended, left or was refused
	 * starts afresh.
	 */
	private static Instant failingSince(Message before, Failure failure, Instant at) {
		if (failure == null) {
			return null;
		}
		boolean stillInTrouble = before != null && before.failure() != null && before.failure().ongoing()
				&& before.failingSince() != null;
		return stillInTrouble ? before.failingSince() : at;
	}

	/** The message of {@code notificationId}, if any outcome of it was seen. */
	public synchronized Optional<Message> find(String notificationId) {
		return Optional.ofNullable(this.messages.get(notificationId));
	}

	/**
	 * Per channel that has any, how many messages wait for their next attempt and since
	 * when the one waiting longest first failed.
	 */
	public synchronized List<Backlog> backlog() {
		Map<String, Backlog> byChannel = new TreeMap<>();
		for (Message message : this.messages.values()) {
			if (message.failure() == Failure.WAITING) {
				byChannel.merge(message.channel(), new Backlog(message.channel(), 1, message.failingSince()),
						Backlog::and);
			}
		}
		return List.copyOf(byChannel.values());
	}

	/** Every message, the most recent first. */
	public synchronized List<Message> messages() {
		return this.messages.values().stream().sorted(Comparator.comparing(Message::at).reversed()).toList();
	}

	/** Of the messages that were tried, the share that went out: sent or delivered. */
	public synchronized Rate successRate() {
		long succeeded = this.messages.values()
			.stream()
			.filter((message) -> message.status().equals("sent") || message.status().equals("delivered"))
			.count();
		long failed = this.messages.values().stream().filter((message) -> message.status().equals("failed")).count();
		return new Rate(succeeded, failed);
	}

	/**
	 * One message and where it stands.
	 *
	 * @param failure what comes next for it, when its latest outcome is a failure; else
	 * null
	 * @param failingSince since when it has been failing, when it is
	 */
	public record Message(String id, String channel, String purpose, String appointmentId, String firstName,
			String status, String reason, int attempts, Instant at, Failure failure, Instant failingSince) {
	}

	/** The messages of one channel waiting for their next attempt. */
	public record Backlog(String channel, int waiting, Instant oldestSince) {

		Backlog and(Backlog other) {
			return new Backlog(this.channel, this.waiting + other.waiting,
					(other.oldestSince.isBefore(this.oldestSince)) ? other.oldestSince : this.oldestSince);
		}

	}

	/** Messages that went out and messages that failed. */
	public record Rate(long succeeded, long failed) {

		public int percent() {
			long tried = this.succeeded + this.failed;
			return (tried == 0) ? 100 : (int) Math.round(100.0 * this.succeeded / tried);
		}

	}

}
