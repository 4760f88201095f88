package com.geminihealth.notifications.delivery;

import java.util.Collection;
import java.util.Map;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;
import org.springframework.stereotype.Component;

/**
 * Before a listener handles the records of partitions it has just been given (another
 * instance died or left), this instance reads the ledger up to where it ends at that
 * moment: what the previous owner sent, or was sending, is then known before any of its
 * triggers comes again.
 */
@Component
public class LedgerCatchUp implements ConsumerAwareRebalanceListener {

	private static final Logger logger = LoggerFactory.getLogger(LedgerCatchUp.class);

	private final NotificationLedger ledger;

	LedgerCatchUp(NotificationLedger ledger) {
		this.ledger = ledger;
	}

	@Override
	public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
		if (partitions.isEmpty()) {
			return;
		}
		// The listener's own consumer reads committed records, as the ledger does: its
		// end offsets are where the ledger must get to.
		Map<TopicPartition, Long> ends = consumer.endOffsets(this.ledger.partitions());
		try {
			// Held here, inside the poll, no record of the new partitions is handed out;
			// the wait stays well inside max.poll.interval.ms.
			while (!this.ledger.awaitReadUpTo(ends, CurrentTables.TIMEOUT)) {
				if (!this.ledger.isRunning()) {
					throw new IllegalStateException("the ledger stopped");
				}
				logger.warn("Still reading the ledger up to {} before handling {}", ends.values(), partitions);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted reading the ledger", ex);
		}
	}

}
