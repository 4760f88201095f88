package com.geminihealth.dashboard.notification;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

import com.geminihealth.dashboard.stream.PipelineEvent;
import com.geminihealth.schemas.CloudEvents;
import com.geminihealth.schemas.RetryHeaders;
import com.geminihealth.schemas.Topics;
import com.geminihealth.schemas.privacy.ErasureId;
import com.geminihealth.schemas.privacy.ErasureRequested;

import static org.assertj.core.api.Assertions.assertThat;

class SendAgainTest {

	private final Instant now = Instant.parse("2026-12-03T14:00:00Z");

	private final RetryRecords retries = new RetryRecords(Clock.fixed(this.now, ZoneOffset.UTC));

	@Test
	void startsTheRetryAfreshDueNowWithoutItsHorizonAndNamesWhoAsked() {
		List<Header> stored = List.of(header(CloudEvents.TYPE, "com.geminihealth.appointment.AppointmentConfirmed.v1"),
				header(RetryHeaders.SOURCE_TOPIC, "appointments"), header(RetryHeaders.LISTENER, "notifications-email"),
				header(RetryHeaders.ATTEMPT, "9"), header(RetryHeaders.NOT_BEFORE, "1"),
				header(RetryHeaders.FIRST_FAILED, "1"), header(RetryHeaders.HORIZON, "2"),
				header(RetryHeaders.NOTIFICATION, "e1:appointment-confirmed:email"),
				header(RetryHeaders.CHANNEL, "EMAIL"));

		RecordHeaders again = SendAgain.askedAgain(stored, "amira", this.now);

		assertThat(CloudEvents.header(again, CloudEvents.TYPE))
			.isEqualTo("com.geminihealth.appointment.AppointmentConfirmed.v1");
		assertThat(CloudEvents.header(again, RetryHeaders.SOURCE_TOPIC)).isEqualTo("appointments");
		assertThat(CloudEvents.header(again, RetryHeaders.LISTENER)).isEqualTo("notifications-email");
		assertThat(CloudEvents.header(again, RetryHeaders.NOTIFICATION)).isEqualTo("e1:appointment-confirmed:email");
		assertThat(again.lastHeader(RetryHeaders.ATTEMPT)).isNull();
		assertThat(again.lastHeader(RetryHeaders.HORIZON)).isNull();
		assertThat(CloudEvents.header(again, RetryHeaders.NOT_BEFORE))
			.isEqualTo(String.valueOf(this.now.toEpochMilli()));
		assertThat(CloudEvents.header(again, RetryHeaders.FIRST_FAILED))
			.isEqualTo(String.valueOf(this.now.toEpochMilli()));
		assertThat(CloudEvents.header(again, RetryHeaders.REQUESTED_BY)).isEqualTo("amira");
		assertThat(again.headers(RetryHeaders.NOT_BEFORE)).hasSize(1);
	}

	@Test
	void keepsTheLatestRetryOfEachMessageWhileTheRetryStreamKeepsIt() {
		this.retries.apply(retry("e1:appointment-confirmed:email", "first", this.now.minus(Duration.ofHours(3))));
		this.retries.apply(retry("e1:appointment-confirmed:email", "latest", this.now.minus(Duration.ofHours(2))));
		this.retries.apply(retry("e2:appointment-confirmed:email", "old", this.now.minus(Duration.ofDays(3))));

		assertThat(this.retries.find("e1:appointment-confirmed:email")).get()
			.extracting((raw) -> new String(raw.value(), StandardCharsets.UTF_8))
			.isEqualTo("latest");
		assertThat(this.retries.find("e2:appointment-confirmed:email")).isEmpty();
	}

	@Test
	void forgetsTheRetryOfAnErasedPatient() {
		this.retries.apply(retry("e3:appointment-confirmed:email", "{\"email\":\"zoe@example.org\"}", this.now));
		this.retries.apply(new PipelineEvent("erasures-0@1", Topics.ERASURES.name(), "ErasureRequested", this.now, null,
				null, null, "", new ErasureRequested(ErasureId.random(), "zoe@example.org", null, "ops", this.now),
				null));

		assertThat(this.retries.find("e3:appointment-confirmed:email")).isEmpty();
	}

	private static PipelineEvent retry(String notification, String value, Instant stored) {
		return new PipelineEvent("notifications.retry-0@" + stored.toEpochMilli(), Topics.NOTIFICATIONS_RETRIES.name(),
				Topics.NOTIFICATIONS_RETRIES.name(), stored, null, null, null, "", null,
				new PipelineEvent.Raw(null, value.getBytes(StandardCharsets.UTF_8),
						List.of(header(RetryHeaders.NOTIFICATION, notification))));
	}

	private static Header header(String name, String value) {
		return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
	}

}
