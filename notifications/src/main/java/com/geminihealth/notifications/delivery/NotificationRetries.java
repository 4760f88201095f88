package com.geminihealth.notifications.delivery;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.KafkaUtils;
import org.springframework.stereotype.Component;

import com.geminihealth.notifications.NotificationsKafkaConfiguration;
import com.geminihealth.platform.EventPublisher;
import com.geminihealth.schemas.Topic;
import com.geminihealth.schemas.Topics;

/**
 * Non-blocking retries. A record whose message failed for a passing reason (a provider's
 * rate limit or outage) goes, as it arrived, onto the retry stream with the attempt count
 * and the moment it is due again; the stream it came from carries on meanwhile. When it
 * is due, the listener that failed it handles it again (the notification id check keeps
 * what was already sent from going twice). Every failed attempt is recorded as an
 * outcome; when the attempts run out, the last one says that it gave up.
 */
@Component
public class NotificationRetries {

	static final String SOURCE_TOPIC = "retry_source_topic";

	static final String LISTENER = "retry_listener";

	static final String ATTEMPT = "retry_attempt";

	static final String NOT_BEFORE = "retry_not_before";

	private final Map<String, Consumer<ConsumerRecord<?, ?>>> listeners = new ConcurrentHashMap<>();

	private final EventPublisher publisher;

	private final NotificationDelivery delivery;

	private final RetryProperties properties;

	private final Clock clock;

	NotificationRetries(EventPublisher publisher, NotificationDelivery delivery, RetryProperties properties,
			Clock clock) {
		this.publisher = publisher;
		this.delivery = delivery;
		this.properties = properties;
		this.clock = clock;
	}

	/** Lets the records of {@code topic} that {@code listener} failed be retried. */
	@SuppressWarnings("unchecked")
	public <K, V> void register(String listener, Topic<K, V> topic, Consumer<ConsumerRecord<K, V>> handler) {
		this.listeners.put(listener, (record) -> handler.accept((ConsumerRecord<K, V>) record));
	}

	/**
	 * After a passing failure: records the failed attempt and puts the record on the
	 * retry stream for its next one, or records that it gave up when the attempts ran
	 * out. Called on the consumer's thread.
	 */
	public void retryLater(ConsumerRecord<?, ?> record, NotificationDelivery.TransientFailure failure) {
		int failed = attempt(record);
		if (failed >= this.properties.attempts()) {
			this.delivery.gaveUp(failure);
			return;
		}
		// Recorded before the retry is queued: published after, it could land behind the
		// next attempt's outcome, and readers take the latest outcome as where it stands.
		this.delivery.willRetry(failure);
		ArrivedRecord arrived = ArrivedRecord.of(record);
		RecordHeaders headers = new RecordHeaders(arrived.headers());
		put(headers, SOURCE_TOPIC, header(record.headers(), SOURCE_TOPIC).orElse(record.topic()));
		put(headers, LISTENER, header(record.headers(), LISTENER).orElseGet(KafkaUtils::getConsumerGroupId));
		put(headers, ATTEMPT, String.valueOf(failed));
		put(headers, NOT_BEFORE, String.valueOf(this.clock.millis() + this.properties.delayAfter(failed).toMillis()));
		this.publisher.publish(Topics.NOTIFICATIONS_RETRIES, arrived.key(), arrived.value(), headers);
	}

	/**
	 * Which attempt handling {@code record} is: 1 the first time, and one more than the
	 * attempts that failed when it comes back from the retry stream.
	 */
	static int attempt(ConsumerRecord<?, ?> record) {
		return header(record.headers(), ATTEMPT).map(Integer::parseInt).orElse(0) + 1;
	}

	@KafkaListener(id = "notification-retries", topics = "notifications.retry",
			containerFactory = NotificationsKafkaConfiguration.RETRIES_FACTORY)
	void onRetry(ConsumerRecord<byte[], byte[]> retry) throws InterruptedException {
		long wait = header(retry.headers(), NOT_BEFORE).map(Long::parseLong).orElse(0L) - this.clock.millis();
		if (wait > 0) {
			// Never early; a retry due sooner behind this one may run a little late.
			Thread.sleep(wait);
		}
		Topic<?, ?> source = Topics.named(header(retry.headers(), SOURCE_TOPIC).orElse(""))
			.orElseThrow(() -> new IllegalStateException("a retry must name the topic it came from"));
		Consumer<ConsumerRecord<?, ?>> listener = this.listeners.get(header(retry.headers(), LISTENER).orElse(""));
		if (listener == null) {
			throw new IllegalStateException("no listener takes retries named " + header(retry.headers(), LISTENER));
		}
		listener.accept(asArrived(source, retry));
	}

	/** The retried record as its listener first saw it, retry headers included. */
	private static <K, V> ConsumerRecord<K, V> asArrived(Topic<K, V> source, ConsumerRecord<byte[], byte[]> retry) {
		K key = source.keySerde().deserializer().deserialize(source.name(), retry.headers(), retry.key());
		V value = source.valueSerde().deserializer().deserialize(source.name(), retry.headers(), retry.value());
		return new ConsumerRecord<>(source.name(), retry.partition(), retry.offset(), retry.timestamp(),
				retry.timestampType(), -1, -1, key, value, retry.headers(), Optional.empty());
	}

	private static Optional<String> header(Headers headers, String name) {
		Header header = headers.lastHeader(name);
		return (header != null) ? Optional.of(new String(header.value(), StandardCharsets.UTF_8)) : Optional.empty();
	}

	private static void put(Headers headers, String name, String value) {
		headers.remove(name);
		headers.add(name, value.getBytes(StandardCharsets.UTF_8));
	}

}
