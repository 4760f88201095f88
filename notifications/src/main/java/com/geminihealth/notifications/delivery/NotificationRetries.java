package com.geminihealth.notifications.delivery;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.support.KafkaUtils;
import org.springframework.stereotype.Component;

import com.geminihealth.notifications.NotificationsKafkaConfiguration;
import com.geminihealth.platform.EventPublisher;
import com.geminihealth.schemas.RetryHeaders;
import com.geminihealth.schemas.Topic;
import com.geminihealth.schemas.Topics;
import com.geminihealth.schemas.reminder.Channel;

/**
 * Non-blocking retries that ride out outages of hours. A record whose message failed for
 * a passing reason (a provider's rate limit, outage or refused credentials) goes, as it
 * arrived, onto the retry stream with the attempt count, when it first failed, its
 * horizon (see {@link Horizon}) and the moment it is due again; the stream it came from
 * carries on meanwhile. When it is due, the listener that failed it handles it again (the
 * notification id check keeps what was already sent from going twice). A retry not yet
 * due pauses its partition until it is, instead of sleeping: the consumer thread keeps
 * polling, so its other partitions flow and it stops at once on shutdown. Every failed
 * attempt is recorded as an outcome; a message whose next attempt would come after its
 * horizon fails for good as expired.
 */
@Component
public class NotificationRetries implements DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(NotificationRetries.class);

	private static final String CONTAINER = "notification-retries";

	private final Map<String, Consumer<ConsumerRecord<?, ?>>> listeners = new ConcurrentHashMap<>();

	/** Per partition, the offset at which a lap of requeued far-off retries ends. */
	private final Map<TopicPartition, Long> lapEnds = new ConcurrentHashMap<>();

	private final EventPublisher publisher;

	private final NotificationDelivery delivery;

	private final RetryProperties properties;

	private final RetryBacklog backlog;

	private final KafkaListenerEndpointRegistry containers;

	private final Clock clock;

	private final ScheduledExecutorService resumer = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "notification-retries-resumer");
		thread.setDaemon(true);
		return thread;
	});

	NotificationRetries(EventPublisher publisher, NotificationDelivery delivery, RetryProperties properties,
			RetryBacklog backlog, KafkaListenerEndpointRegistry containers, Clock clock) {
		this.publisher = publisher;
		this.delivery = delivery;
		this.properties = properties;
		this.backlog = backlog;
		this.containers = containers;
		this.clock = clock;
	}

	/** Lets the records of {@code topic} that {@code listener} failed be retried. */
	@SuppressWarnings("unchecked")
	public <K, V> void register(String listener, Topic<K, V> topic, Consumer<ConsumerRecord<K, V>> handler) {
		this.listeners.put(listener, (record) -> handler.accept((ConsumerRecord<K, V>) record));
	}

	/**
	 * After a passing failure: records the failed attempt and puts the record on the
	 * retry stream for its next one, or records that it expired (or gave up, when a cap
	 * on attempts is configured). A message held for quiet hours goes back on the stream
	 * due when they end, its attempts not counted. Called on the consumer's thread.
	 */
	public void retryLater(ConsumerRecord<?, ?> record, NotificationDelivery.TransientFailure failure) {
		Instant now = this.clock.instant();
		Instant firstFailed = instant(record, RetryHeaders.FIRST_FAILED).orElse(now);
		Instant horizon = instant(record, RetryHeaders.HORIZON)
			.orElseGet(() -> Horizon.of(valueOf(record), firstFailed, this.properties.ceiling()));
		if (failure instanceof NotificationDelivery.Held held) {
			queue(record, attempt(record) - 1, held.until(), firstFailed, horizon, failure);
			return;
		}
		int failed = attempt(record);
		Instant next = now.plus(this.properties.delayAfter(failed));
		if (!next.isBefore(horizon)) {
			this.delivery.expired(failure);
			this.backlog.expired(failure.outcome().notificationId().value(), failure.outcome().channel());
			return;
		}
		if (failed >= this.properties.attempts()) {
			this.delivery.gaveUp(failure);
			this.backlog.settled(failure.outcome().notificationId().value());
			return;
		}
		// Recorded before the retry is queued: published after, it could land behind the
		// next attempt's outcome, and readers take the latest outcome as where it stands.
		this.delivery.willRetry(failure);
		queue(record, failed, next, firstFailed, horizon, failure);
	}

	private void queue(ConsumerRecord<?, ?> record, int failed, Instant due, Instant firstFailed, Instant horizon,
			NotificationDelivery.TransientFailure failure) {
		ArrivedRecord arrived = ArrivedRecord.of(record);
		RecordHeaders headers = new RecordHeaders(arrived.headers());
		put(headers, RetryHeaders.SOURCE_TOPIC,
				header(record.headers(), RetryHeaders.SOURCE_TOPIC).orElse(record.topic()));
		put(headers, RetryHeaders.LISTENER,
				header(record.headers(), RetryHeaders.LISTENER).orElseGet(KafkaUtils::getConsumerGroupId));
		put(headers, RetryHeaders.ATTEMPT, String.valueOf(failed));
		put(headers, RetryHeaders.NOT_BEFORE, String.valueOf(due.toEpochMilli()));
		put(headers, RetryHeaders.FIRST_FAILED, String.valueOf(firstFailed.toEpochMilli()));
		put(headers, RetryHeaders.HORIZON, String.valueOf(horizon.toEpochMilli()));
		put(headers, RetryHeaders.NOTIFICATION, failure.outcome().notificationId().value());
		put(headers, RetryHeaders.CHANNEL, failure.outcome().channel().name());
		this.publisher.publish(Topics.NOTIFICATIONS_RETRIES, arrived.key(), arrived.value(), headers);
	}

	/**
	 * Which attempt handling {@code record} is: 1 the first time, and one more than the
	 * attempts that failed when it comes back from the retry stream.
	 */
	static int attempt(ConsumerRecord<?, ?> record) {
		return header(record.headers(), RetryHeaders.ATTEMPT).map(Integer::parseInt).orElse(0) + 1;
	}

	@KafkaListener(id = CONTAINER, topics = "notifications.retry",
			containerFactory = NotificationsKafkaConfiguration.RETRIES_FACTORY)
	void onRetry(ConsumerRecord<byte[], byte[]> retry) {
		Optional<String> notification = header(retry.headers(), RetryHeaders.NOTIFICATION);
		notification.ifPresent((id) -> this.backlog.waiting(id,
				Channel.valueOf(header(retry.headers(), RetryHeaders.CHANNEL).orElseThrow()),
				instant(retry, RetryHeaders.FIRST_FAILED).orElse(Instant.ofEpochMilli(retry.timestamp()))));
		Instant due = instant(retry, RetryHeaders.NOT_BEFORE).orElse(Instant.EPOCH);
		if (due.isAfter(this.clock.instant())) {
			waitFor(retry, due);
			return;
		}
		Topic<?, ?> source = Topics.named(header(retry.headers(), RetryHeaders.SOURCE_TOPIC).orElse(""))
			.orElseThrow(() -> new IllegalStateException("a retry must name the topic it came from"));
		Consumer<ConsumerRecord<?, ?>> listener = this.listeners
			.get(header(retry.headers(), RetryHeaders.LISTENER).orElse(""));
		if (listener == null) {
			throw new IllegalStateException(
					"no listener takes retries named " + header(retry.headers(), RetryHeaders.LISTENER));
		}
		header(retry.headers(), RetryHeaders.REQUESTED_BY)
			.ifPresent((by) -> logger.info("Sending {} again, as {} asked", notification.orElse("a message"), by));
		listener.accept(asArrived(source, retry));
		// Sent, suppressed or failed for good: no longer waiting. A passing failure
		// threw, and the record is queued again.
		notification.ifPresent(this.backlog::settled);
	}

	/**
	 * A retry due soon holds its partition, paused, until it is due. One due much later
	 * (a text held until morning) must not hold up the retries behind it for hours: it
	 * goes to the back of the partition, and once the consumer has come round to it again
	 * the partition rests for the recheck interval before the next lap.
	 */
	private void waitFor(ConsumerRecord<byte[], byte[]> retry, Instant due) {
		TopicPartition partition = new TopicPartition(retry.topic(), retry.partition());
		boolean soon = !due.isAfter(this.clock.instant().plus(this.properties.recheck()));
		Long lapEnd = this.lapEnds.get(partition);
		if (soon || (lapEnd != null && retry.offset() >= lapEnd)) {
			this.lapEnds.remove(partition);
			pauseUntil(partition, due);
			throw new NotDueYet(due);
		}
		EventPublisher.Acknowledged requeued = this.publisher.publish(Topics.NOTIFICATIONS_RETRIES, retry.key(),
				retry.value(), new RecordHeaders(retry.headers().toArray()));
		if (requeued.partition() == partition.partition()) {
			this.lapEnds.putIfAbsent(partition, requeued.offset());
		}
		else {
			// Without a key it landed elsewhere: no lap to close here, so rest instead.
			pauseUntil(partition, this.clock.instant().plus(this.properties.recheck()));
		}
	}

	/**
	 * Stops fetching {@code partition} until {@code due}, or the recheck interval if
	 * sooner: the error handler seeks back to the record, and no poll returns it before
	 * then. Retries due sooner behind it in the same partition wait for it too; the waits
	 * grow with each attempt, so that is rare and bounded by the longest wait.
	 */
	private void pauseUntil(TopicPartition partition, Instant due) {
		MessageListenerContainer container = this.containers.getListenerContainer(CONTAINER);
		if (container == null) {
			return;
		}
		container.pausePartition(partition);
		long delay = Math.min(Math.max(0, due.toEpochMilli() - this.clock.millis()),
				this.properties.recheck().toMillis());
		this.resumer.schedule(() -> container.resumePartition(partition), delay, TimeUnit.MILLISECONDS);
	}

	/**
	 * Whether {@code failure} only says a retry is not due yet: seek back to it, nothing
	 * more.
	 */
	public static boolean notDueYet(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof NotDueYet) {
				return true;
			}
		}
		return false;
	}

	@Override
	public void destroy() {
		this.resumer.shutdownNow();
	}

	/** The retried record as its listener first saw it, retry headers included. */
	private static <K, V> ConsumerRecord<K, V> asArrived(Topic<K, V> source, ConsumerRecord<byte[], byte[]> retry) {
		K key = source.keySerde().deserializer().deserialize(source.name(), retry.headers(), retry.key());
		V value = source.valueSerde().deserializer().deserialize(source.name(), retry.headers(), retry.value());
		return new ConsumerRecord<>(source.name(), retry.partition(), retry.offset(), retry.timestamp(),
				retry.timestampType(), -1, -1, key, value, retry.headers(), Optional.empty());
	}

	/**
	 * The triggering event, read with its own topic's serde when the record is a retry's
	 * bytes.
	 */
	private static Object valueOf(ConsumerRecord<?, ?> record) {
		if (!(record.value() instanceof byte[] bytes)) {
			return record.value();
		}
		try {
			return header(record.headers(), RetryHeaders.SOURCE_TOPIC).flatMap(Topics::named)
				.map((topic) -> (Object) topic.valueSerde()
					.deserializer()
					.deserialize(topic.name(), record.headers(), bytes))
				.orElse(null);
		}
		catch (RuntimeException ex) {
			return null; // unreadable: the ceiling alone bounds it
		}
	}

	private static Optional<Instant> instant(ConsumerRecord<?, ?> record, String name) {
		return header(record.headers(), name).map(Long::parseLong).map(Instant::ofEpochMilli);
	}

	private static Optional<String> header(Headers headers, String name) {
		Header header = headers.lastHeader(name);
		return (header != null) ? Optional.of(new String(header.value(), StandardCharsets.UTF_8)) : Optional.empty();
	}

	private static void put(Headers headers, String name, String value) {
		headers.remove(name);
		headers.add(name, value.getBytes(StandardCharsets.UTF_8));
	}

	/** A retry read before it is due; it is read again once its partition resumes. */
	static final class NotDueYet extends RuntimeException {

		NotDueYet(Instant due) {
			super("not due before " + due, null, false, false);
		}

	}

}
