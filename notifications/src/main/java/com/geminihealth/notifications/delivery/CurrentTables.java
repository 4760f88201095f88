package com.geminihealth.notifications.delivery;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

/**
 * Brings the tables a send depends on (the ledger, the preferences and the STOPs not yet
 * folded into them, the appointments) up to what their topics hold at this moment, before
 * each send: an outcome another instance wrote, a STOP or a cancellation acknowledged
 * before the send began is then taken into account, not merely soon. It costs one offsets
 * request to the brokers per send, and a wait only when a table is behind.
 */
@Component
class CurrentTables implements DisposableBean {

	static final Duration TIMEOUT = Duration.ofSeconds(10);

	private final List<TopicTable<?, ?>> tables;

	private final Admin admin;

	CurrentTables(NotificationLedger ledger, OptOuts optOuts, RecentOptOuts recentOptOuts,
			AppointmentStates appointments, KafkaAdmin kafkaAdmin) {
		this.tables = List.of(ledger, optOuts, recentOptOuts, appointments);
		this.admin = Admin.create(kafkaAdmin.getConfigurationProperties());
	}

	/** Returns once every table is current; throws {@link NotCurrent} otherwise. */
	void catchUp() {
		Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
		this.tables
			.forEach((table) -> table.partitions().forEach((partition) -> latest.put(partition, OffsetSpec.latest())));
		try {
			Map<TopicPartition, Long> ends = new HashMap<>();
			this.admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
				.all()
				.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
				.forEach((partition, info) -> ends.put(partition, info.offset()));
			for (TopicTable<?, ?> table : this.tables) {
				if (!table.awaitReadUpTo(ends, TIMEOUT)) {
					throw new NotCurrent(table.topic().name() + " is not read up to its end after " + TIMEOUT, null);
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new NotCurrent("interrupted", ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new NotCurrent("the brokers gave no end offsets", ex);
		}
	}

	@Override
	public void destroy() {
		this.admin.close(Duration.ofSeconds(1));
	}

	/** A table could not be brought up to date: nothing may be sent on it for now. */
	static class NotCurrent extends RuntimeException {

		NotCurrent(String message, Throwable cause) {
			super(message, cause);
		}

	}

}
