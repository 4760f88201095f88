package com.geminihealth.notifications.delivery;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.FencedInstanceIdException;

import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.stereotype.Component;

import com.geminihealth.platform.EventPublisher;
import com.geminihealth.platform.PublishingProperties;
import com.geminihealth.schemas.ServiceAccount;
import com.geminihealth.schemas.Topics;
import com.geminihealth.schemas.notification.NotificationFailed;
import com.geminihealth.schemas.notification.NotificationId;
import com.geminihealth.schemas.notification.NotificationOutcome;

/**
 * Claims a message for sending: its "sending" outcome (fate unknown until the provider
 * answers) is written in one Kafka transaction with the consumer offset past the record
 * that triggered it, and the group checks that offset against the generation of the
 * consumer that fetched the record (KIP-447). Only an instance that still owns the
 * record's partition can commit the claim, and the claim and the offset commit together:
 * <ul>
 * <li>committed: the message is this instance's to send, and the partition's next owner
 * starts past the record;</li>
 * <li>refused ({@link Lost}): the partition moved (a long pause, a broker failover that
 * cut the instance off from its group). Nothing of the claim is ever visible to the
 * ledger's read-committed readers, and the new owner, starting from the record, sends it
 * once.</li>
 * </ul>
 * Without the fence, an instance that lost its partition while its claim was on its way
 * could send after the new owner had read the ledger without it: the message twice.
 */
@Component
class SendingClaims implements AutoCloseable {

	private final RecordsInHand inHand;

	private final DefaultKafkaProducerFactory<NotificationId, NotificationOutcome> producers;

	private final KafkaTemplate<NotificationId, NotificationOutcome> template;

	SendingClaims(RecordsInHand inHand, ProducerFactory<?, ?> bootProducerFactory, PublishingProperties publishing) {
		this.inHand = inHand;
		Map<String, Object> config = new HashMap<>(bootProducerFactory.getConfigurationProperties());
		// A claim takes milliseconds; a transaction left open by an instance killed in
		// the
		// middle holds the ledger's readers back until it times out.
		config.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, 10_000);
		// Beginning, offsets and commit each block up to this long: no longer than any
		// other record of this service waits for its acknowledgement.
		config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, publishing.ackTimeout().toMillis());
		this.producers = new DefaultKafkaProducerFactory<>(config, Topics.NOTIFICATION_OUTCOMES.keySerde().serializer(),
				Topics.NOTIFICATION_OUTCOMES.valueSerde().serializer());
		// Zombies are fenced by the group's generation, not by the transactional id: a
		// random one per instance is enough, under the account's prefix.
		this.producers.setTransactionIdPrefix(
				ServiceAccount.NOTIFICATIONS.transactionalIdPrefix().orElseThrow() + UUID.randomUUID() + "-");
		this.template = new KafkaTemplate<>(this.producers);
	}

	/**
	 * Writes {@code sending} and the offset past the record this thread handles, or
	 * nothing. Returns the offset of the claim on the outcome topic.
	 * @throws Lost when this instance no longer owns the record's partition
	 * @throws EventPublisher.NotAcknowledged when Kafka did not confirm the claim: it may
	 * still have been committed, which only withholds the message as in doubt
	 */
	long claim(NotificationFailed sending) {
		RecordsInHand.InHand record = this.inHand.current()
			.orElseThrow(() -> new IllegalStateException("a message is sent only for a record a listener handles"));
		try {
			return this.template.executeInTransaction((operations) -> {
				var written = operations
					.send(new ProducerRecord<>(Topics.NOTIFICATION_OUTCOMES.name(), sending.notificationId(), sending));
				operations.sendOffsetsToTransaction(
						Map.of(record.partition(), new OffsetAndMetadata(record.offset() + 1)), record.group());
				return written;
			}).get().getRecordMetadata().offset();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new EventPublisher.NotAcknowledged(Topics.NOTIFICATION_OUTCOMES.name(), ex);
		}
		catch (ExecutionException | RuntimeException ex) {
			if (fenced(ex)) {
				throw new Lost(record.partition().toString(), ex);
			}
			throw new EventPublisher.NotAcknowledged(Topics.NOTIFICATION_OUTCOMES.name(), ex);
		}
	}

	private static boolean fenced(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			// Not a rebalance in progress: the instance may keep the partition, and its
			// container would commit past a record skipped as lost.
			if (cause instanceof CommitFailedException || cause instanceof FencedInstanceIdException) {
				return true;
			}
		}
		return false;
	}

	@Override
	public void close() {
		this.producers.destroy();
	}

	/**
	 * The record's partition has moved to another instance, which will send the message:
	 * this one must not.
	 */
	static class Lost extends RuntimeException {

		Lost(String partition, Throwable cause) {
			super("no longer the owner of " + partition, cause);
		}

	}

}
