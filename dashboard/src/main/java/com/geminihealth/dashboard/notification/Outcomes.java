package com.geminihealth.dashboard.notification;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
 * later "sent" never hides a delivery receipt that arrived first.
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
		}
		else {
			NotificationSuppressed suppressed = (NotificationSuppressed) outcome;
			status = "suppressed";
			purpose = suppressed.purpose();
			reason = suppressed.reason().name().toLowerCase().replace('_', ' ');
		}
		AppointmentId appointment = outcome.appointmentId();
		String firstName = (event.firstName() != null) ? event.firstName()
				: (before != null) ? before.firstName() : null;
		this.messages.put(id,
				new Message(id, outcome.channel().name(), purpose,
						(appointment != null) ? appointment.value() : (before != null) ? before.appointmentId() : null,
						firstName, status, reason, attempts, (outcome.at() != null) ? outcome.at() : event.time()));
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

	/** One message and where it stands. */
	public record Message(String id, String channel, String purpose, String appointmentId, String firstName,
			String status, String reason, int attempts, Instant at) {
	}

	/** Messages that went out and messages that failed. */
	public record Rate(long succeeded, long failed) {

		public int percent() {
			long tried = this.succeeded + this.failed;
			return (tried == 0) ? 100 : (int) Math.round(100.0 * this.succeeded / tried);
		}

	}

}
