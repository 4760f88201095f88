package com.geminihealth.notifications.delivery;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

import com.geminihealth.platform.EventPublisher;
import com.geminihealth.schemas.ContractViolation;
import com.geminihealth.schemas.DeadLetters;
import com.geminihealth.schemas.Topics;

/**
 * Puts a record no notification could be made of on the notifications dead-letter stream:
 * its key and value as they arrived (the bytes that could not be read, or the record as
 * its stream writes it), its headers, and the reason and origin, so the front desk can
 * inspect and replay it while the stream it came from keeps flowing.
 */
@Component
public class NotificationDeadLetters {

	private static final Logger logger = LoggerFactory.getLogger(NotificationDeadLetters.class);

	private final EventPublisher publisher;

	NotificationDeadLetters(EventPublisher publisher) {
		this.publisher = publisher;
	}

	public void publish(ConsumerRecord<?, ?> record, Throwable failure) {
		ArrivedRecord arrived = ArrivedRecord.of(record);
		RecordHeaders headers = new RecordHeaders(arrived.headers());
		add(headers, DeadLetters.REASON, reason(failure));
		add(headers, DeadLetters.SOURCE_TOPIC, record.topic());
		add(headers, DeadLetters.SOURCE_PARTITION, String.valueOf(record.partition()));
		add(headers, DeadLetters.SOURCE_OFFSET, String.valueOf(record.offset()));
		this.publisher.publish(Topics.NOTIFICATIONS_DEAD_LETTERS, arrived.key(), arrived.value(), headers);
		logger.warn("Dead-lettered a record of {} (partition {}, offset {}): {}", record.topic(), record.partition(),
				record.offset(), reason(failure));
	}

	/**
	 * The contract's own words when the record broke it; otherwise the deepest cause's
	 * message: what went wrong, not where it surfaced.
	 */
	private static String reason(Throwable failure) {
		Throwable cause = failure;
		while (!(cause instanceof ContractViolation) && cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		String message = (cause.getMessage() != null) ? cause.getMessage() : cause.getClass().getSimpleName();
		int newline = message.indexOf('\n');
		return (newline > 0) ? message.substring(0, newline) : message;
	}

	private static void add(RecordHeaders headers, String name, String value) {
		headers.add(name, value.getBytes(StandardCharsets.UTF_8));
	}

}
