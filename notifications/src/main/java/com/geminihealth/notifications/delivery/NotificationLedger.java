package com.geminihealth.notifications.delivery;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

import com.geminihealth.schemas.Topics;
import com.geminihealth.schemas.notification.NotificationDelivered;
import com.geminihealth.schemas.notification.NotificationFailed;
import com.geminihealth.schemas.notification.NotificationId;
import com.geminihealth.schemas.notification.NotificationOutcome;
import com.geminihealth.schemas.notification.NotificationSent;
import com.geminihealth.schemas.notification.NotificationSuppressed;

/**
 * Whether each message left, from the latest outcome of its notification id: the
 * compacted outcome topic is the ledger, kept for good and followed live by every
 * instance, so a message one instance sent is known to all, across restarts and
 * takeovers. Only the latest outcome counts, because compaction keeps only that one: each
 * outcome this service writes must therefore say on its own whether the message left.
 */
@Component
public class NotificationLedger extends TopicTable<NotificationId, NotificationOutcome> {

	/**
	 * The error code of a message whose fate is not known: written just before a provider
	 * is called, and again when the provider gave no answer. Until a later outcome
	 * supersedes it, the message may have left, so it is never sent again blindly.
	 */
	public static final String OUTCOME_UNKNOWN = NotificationFailed.OUTCOME_UNKNOWN;

	/** The reason of the outcome recorded just before a provider is called. */
	public static final String SENDING = "sending: no answer from the provider yet";

	/**
	 * How the reason of a failure that the provider reported about a message it had
	 * accepted begins: the message left, whatever became of it afterwards.
	 */
	static final String REPORTED_BY_PROVIDER = NotificationFailed.REPORTED_BY_PROVIDER;

	/** Where a message stands. */
	public enum Standing {

		/** Nothing recorded yet, suppressed, or failed without leaving: may be sent. */
		NOT_SENT,

		/** The provider took it: never sent again. */
		SENT,

		/**
		 * It may have left: never sent again blindly; a provider's report resolves it.
		 */
		UNKNOWN

	}

	private record Entry(long offset, Standing standing) {
	}

	private final Map<String, Entry> entries = new ConcurrentHashMap<>();

	NotificationLedger(KafkaAdmin admin) {
		super(admin, Topics.NOTIFICATION_OUTCOMES);
	}

	public Standing standing(NotificationId id) {
		Entry entry = this.entries.get(id.value());
		return (entry != null) ? entry.standing() : Standing.NOT_SENT;
	}

	@Override
	protected void apply(ConsumerRecord<NotificationId, NotificationOutcome> record) {
		if (record.key() != null) {
			take(record.key(), record.offset(), record.value());
		}
	}

	/**
	 * Takes an outcome this instance wrote and Kafka acknowledged at {@code offset},
	 * without waiting for it to come back through the topic.
	 */
	void recorded(NotificationOutcome outcome, long offset) {
		take(outcome.notificationId(), offset, outcome);
	}

	/**
	 * The later of two records wins, whichever way each arrived: the live reading can be
	 * behind what this instance has just written.
	 */
	private void take(NotificationId id, long offset, NotificationOutcome outcome) {
		Entry entry = new Entry(offset, (outcome != null) ? standingAfter(outcome) : Standing.NOT_SENT);
		this.entries.merge(id.value(), entry, (before, after) -> (after.offset() > before.offset()) ? after : before);
	}

	/** What an outcome, as the latest of its notification, says about the message. */
	static Standing standingAfter(NotificationOutcome outcome) {
		if (outcome instanceof NotificationSent || outcome instanceof NotificationDelivered) {
			return Standing.SENT;
		}
		if (outcome instanceof NotificationFailed failed) {
			if (OUTCOME_UNKNOWN.equals(failed.errorCode())) {
				return Standing.UNKNOWN;
			}
			// An undelivered report follows a send: the message left all the same.
			return (failed.reason() != null && failed.reason().startsWith(REPORTED_BY_PROVIDER)) ? Standing.SENT
					: Standing.NOT_SENT;
		}
		return (outcome instanceof NotificationSuppressed suppressed
				&& suppressed.reason() == NotificationSuppressed.Reason.ALREADY_SENT) ? Standing.SENT
						: Standing.NOT_SENT;
	}

}
