package com.geminihealth.dashboard.notification;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

import com.geminihealth.dashboard.FrontDeskMarks;
import com.geminihealth.dashboard.stream.PipelineEvent;
import com.geminihealth.platform.EventPublisher;
import com.geminihealth.schemas.RetryHeaders;
import com.geminihealth.schemas.Topics;

/**
 * Sends a message that failed for good again, when the front desk asks: its latest retry
 * record goes back on the retry stream, due now, as a first attempt that first failed
 * now, without its horizon (so the notifications service works out a fresh one), naming
 * who asked. It keeps its notification id, so the notifications service's ledger sends it
 * at most once however many times it is asked: a double click, or two dashboards.
 */
@Component
class SendAgain {

	static final String MARK = "sent-again";

	private static final Logger logger = LoggerFactory.getLogger(SendAgain.class);

	/** What a retry carries about its attempts so far, which a new start leaves off. */
	private static final Set<String> ATTEMPTS_SO_FAR = Set.of(RetryHeaders.ATTEMPT, RetryHeaders.NOT_BEFORE,
			RetryHeaders.FIRST_FAILED, RetryHeaders.HORIZON, RetryHeaders.REQUESTED_BY);

	private final RetryRecords retries;

	private final EventPublisher publisher;

	private final FrontDeskMarks marks;

	private final MeterRegistry meters;

	private final Clock clock;

	SendAgain(RetryRecords retries, EventPublisher publisher, FrontDeskMarks marks, MeterRegistry meters) {
		this.retries = retries;
		this.publisher = publisher;
		this.marks = marks;
		this.meters = meters;
		this.clock = Clock.systemUTC();
	}

	/**
	 * The retry record that would send {@code message} again; empty when it may not be
	 * sent again (it did not fail for good, or may have left) or the retry stream no
	 * longer has it.
	 */
	Optional<PipelineEvent.Raw> retryOf(Outcomes.Message message) {
		return (message.failure() == Failure.ENDED) ? this.retries.find(message.id()) : Optional.empty();
	}

	/**
	 * Puts {@code retry} back on the retry stream for {@code message}, at the request of
	 * {@code by}, and returns once Kafka has it.
	 */
	void send(Outcomes.Message message, PipelineEvent.Raw retry, String by) {
		Instant now = this.clock.instant();
		this.publisher.publish(Topics.NOTIFICATIONS_RETRIES, retry.key(), retry.value(),
				askedAgain(retry.headers(), by, now));
		this.marks.put(MARK, message.id(), now.toString(), by);
		this.meters.counter("dashboard.notifications.sent.again", "channel", message.channel()).increment();
		logger.info("{} asked for {} to be sent again", by, message.id());
	}

	/** When the front desk last asked for the message to be sent again, or null. */
	Instant askedAt(String notificationId) {
		String at = this.marks.get(MARK, notificationId);
		return (at != null) ? Instant.parse(at) : null;
	}

	/**
	 * A retry's headers as a fresh start: due {@code now}, first failed {@code now}, no
	 * attempt counted and no horizon, asked for by {@code by}; the rest as stored.
	 */
	static RecordHeaders askedAgain(List<Header> stored, String by, Instant now) {
		RecordHeaders headers = new RecordHeaders();
		stored.stream().filter((header) -> !ATTEMPTS_SO_FAR.contains(header.key())).forEach(headers::add);
		String at = String.valueOf(now.toEpochMilli());
		headers.add(RetryHeaders.NOT_BEFORE, at.getBytes(StandardCharsets.UTF_8));
		headers.add(RetryHeaders.FIRST_FAILED, at.getBytes(StandardCharsets.UTF_8));
		headers.add(RetryHeaders.REQUESTED_BY, by.getBytes(StandardCharsets.UTF_8));
		return headers;
	}

}
