package com.geminihealth.platform;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.KafkaTemplate;

import com.geminihealth.schemas.Topic;

/**
 * Publishes events of the catalogue with their topic's serdes. {@link #publish} returns
 * only once the brokers have acknowledged the record (acks=all), which is what lets an
 * HTTP endpoint answer "accepted" truthfully.
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
		try {
			return send(topic, key, value, headers).get(this.ackTimeout.toMillis(), TimeUnit.MILLISECONDS);
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
		return this.template.send(new ProducerRecord<>(topic.name(), null, key, value, headers))
			.thenApply((result) -> new Acknowledged(result.getRecordMetadata().topic(),
					result.getRecordMetadata().partition(), result.getRecordMetadata().offset()));
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

		NotAcknowledged(String topic, Throwable cause) {
			super("Kafka did not acknowledge the record on " + topic, cause);
		}

	}

}
