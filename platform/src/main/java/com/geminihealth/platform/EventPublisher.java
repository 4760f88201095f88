package com.geminihealth.platform;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.header.Header;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

import com.geminihealth.schemas.Topic;

/**
 * Publishes events of the catalogue with their topic's serdes. {@link #publish} returns
 * only once the brokers have acknowledged the record (acks=all), which is what lets an
 * HTTP endpoint answer "accepted" truthfully; it gives up after its ack timeout, by which
 * time the producer has given up too ({@link PublishTimeouts}), so that "not
 * acknowledged" means the record will not be written later.
 */
public class EventPublisher implements DisposableBean {

	private final KafkaTemplate<Object, Object> template;

	private final Duration ackTimeout;

	EventPublisher(KafkaTemplate<Object, Object> template, Duration ackTimeout) {
		this.template = template;
		this.ackTimeout = ackTimeout;
	}

	/**
	 * Sends and waits for the acknowledgement; throws {@link NotAcknowledged} otherwise.
	 */
	public <K, V> Acknowledged publish(Topic<K, V> topic, K key, V value) {
		return publish(topic, key, value, List.of());
	}

	/** As {@link #publish(Topic, Object, Object)}, with headers of the caller's. */
	public <K, V> Acknowledged publish(Topic<K, V> topic, K key, V value, Iterable<Header> headers) {
		// The wait counts from here: the send itself may block for metadata.
		long deadline = System.nanoTime() + this.ackTimeout.toNanos();
		try {
			CompletableFuture<Acknowledged> sent = send(topic, key, value, headers);
			return sent.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new NotAcknowledged(topic.name(), ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new NotAcknowledged(topic.name(), ex);
		}
	}

	/**
	 * Sends without waiting: the record leaves with the next batch, which a
	 * {@link #publish} that follows waits for, so both cost one round trip.
	 */
	public <K, V> CompletableFuture<Acknowledged> send(Topic<K, V> topic, K key, V value) {
		return send(topic, key, value, List.of());
	}

	private <K, V> CompletableFuture<Acknowledged> send(Topic<K, V> topic, K key, V value, Iterable<Header> headers) {
		CompletableFuture<SendResult<Object, Object>> sent;
		try {
			sent = this.template.send(new ProducerRecord<>(topic.name(), null, key, value, headers));
		}
		catch (KafkaException ex) {
			// The template throws when the producer could not take the record, such as
			// when the brokers do not answer for the topic's partitions within
			// max.block.ms: a failure like any other outage, not a bug.
			if (hasCause(ex, RetriableException.class)) {
				return CompletableFuture.failedFuture(ex);
			}
			throw ex;
		}
		return sent.thenApply((result) -> new Acknowledged(result.getRecordMetadata().topic(),
				result.getRecordMetadata().partition(), result.getRecordMetadata().offset()));
	}

	private static boolean hasCause(Throwable failure, Class<? extends Throwable> type) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return true;
			}
		}
		return false;
	}

	/** Closes the producer, sending what it still holds. */
	@Override
	public void destroy() {
		this.template.getProducerFactory().reset();
	}

	/** Where Kafka stored a record. */
	public record Acknowledged(String topic, int partition, long offset) {
	}

	/** Kafka did not confirm the record in time: the caller must not report success. */
	public static class NotAcknowledged extends RuntimeException {

		public NotAcknowledged(String topic, Throwable cause) {
			super("Kafka did not acknowledge the record on " + topic, cause);
		}

	}

}
