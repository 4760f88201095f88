package com.geminihealth.dashboard.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.common.header.internals.RecordHeaders;

import org.springframework.stereotype.Component;

import com.geminihealth.dashboard.stream.ErasedPatient;
import com.geminihealth.dashboard.stream.PipelineEvent;
import com.geminihealth.dashboard.stream.ReadModel;
import com.geminihealth.schemas.CloudEvents;
import com.geminihealth.schemas.RetryHeaders;
import com.geminihealth.schemas.Topics;
import com.geminihealth.schemas.privacy.ErasureRequested;

/**
 * The latest record of each notification on the retry stream, as stored: what sending a
 * message again puts back on it. One the stream no longer keeps (its retention passed) is
 * not offered, as a dashboard started later would not have it either; one naming an
 * erased patient is forgotten.
 */
@Component
class RetryRecords implements ReadModel {

	private static final Duration KEPT = Duration
		.ofMillis(Long.parseLong(Topics.NOTIFICATIONS_RETRIES.configs().get("retention.ms")));

	private record Stored(PipelineEvent.Raw record, Instant at) {
	}

	private final Map<String, Stored> latest = new HashMap<>();

	private final Clock clock;

	RetryRecords() {
		this(Clock.systemUTC());
	}

	RetryRecords(Clock clock) {
		this.clock = clock;
	}

	@Override
	public synchronized void apply(PipelineEvent event) {
		if (Topics.NOTIFICATIONS_RETRIES.name().equals(event.topic()) && event.raw() != null) {
			String notification = CloudEvents.header(new RecordHeaders(event.raw().headers()),
					RetryHeaders.NOTIFICATION);
			if (notification != null) {
				this.latest.put(notification, new Stored(event.raw(), event.time()));
			}
		}
		else if (event.value() instanceof ErasureRequested erasure) {
			ErasedPatient erased = ErasedPatient.of(erasure);
			this.latest.values().removeIf((stored) -> erased.mentionedIn(stored.record().value()));
		}
	}

	/** The latest retry record of {@code notificationId}, while the stream keeps it. */
	synchronized Optional<PipelineEvent.Raw> find(String notificationId) {
		Stored stored = this.latest.get(notificationId);
		if (stored == null || stored.at().plus(KEPT).isBefore(this.clock.instant())) {
			return Optional.empty();
		}
		return Optional.of(stored.record());
	}

}
