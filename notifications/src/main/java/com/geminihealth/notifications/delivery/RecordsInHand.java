package com.geminihealth.notifications.delivery;

import java.util.Optional;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

import org.springframework.kafka.listener.RecordInterceptor;
import org.springframework.stereotype.Component;

/**
 * The record each listener thread is handling, with its consumer's place in the group at
 * the time it was fetched: what a claim to send a message for that record is fenced with
 * (see {@link SendingClaims}). Every listener container sets it before its listener runs
 * and clears it after.
 */
@Component
public class RecordsInHand implements RecordInterceptor<Object, Object> {

	private final ThreadLocal<InHand> current = new ThreadLocal<>();

	/**
	 * A record being handled: its partition and offset, and the group generation of the
	 * consumer that fetched it.
	 */
	record InHand(TopicPartition partition, long offset, ConsumerGroupMetadata group) {
	}

	@Override
	public ConsumerRecord<Object, Object> intercept(ConsumerRecord<Object, Object> record,
			Consumer<Object, Object> consumer) {
		this.current.set(new InHand(new TopicPartition(record.topic(), record.partition()), record.offset(),
				consumer.groupMetadata()));
		return record;
	}

	@Override
	public void afterRecord(ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
		this.current.remove();
	}

	/** The record this thread is handling, if it is a listener's. */
	Optional<InHand> current() {
		return Optional.ofNullable(this.current.get());
	}

}
