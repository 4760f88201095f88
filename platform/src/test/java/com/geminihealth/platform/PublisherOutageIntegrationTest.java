package com.geminihealth.platform;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.kafka.core.DefaultKafkaProducerFactory;

import com.geminihealth.broker.KraftBroker;
import com.geminihealth.platform.test.TopicRecords;
import com.geminihealth.schemas.Topics;
import com.geminihealth.schemas.booking.LocationId;
import com.geminihealth.schemas.inquiry.ContactInquiryReceived;
import com.geminihealth.schemas.inquiry.InquiryId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * What "not acknowledged" means when the broker goes away: the publisher answers within
 * its wait, and a record it answered so for is not written when the broker comes back. On
 * a broker of the test's own, stopped and started again on the same port and data.
 */
class PublisherOutageIntegrationTest {

	static final Duration WAIT = Duration.ofSeconds(3);

	/** Scheduling and GC on a busy two-core machine. */
	static final Duration SLACK = Duration.ofSeconds(1);

	final Path dataDir = Path.of("target", "publisher-outage", UUID.randomUUID().toString());

	final InquiryId key = InquiryId.random();

	KraftBroker broker;

	EventPublisher publisher;

	@AfterEach
	void stop() {
		if (this.publisher != null) {
			this.publisher.destroy();
		}
		if (this.broker != null) {
			this.broker.close();
		}
	}

	/**
	 * The broker stops and comes back: by then the producer must have given up on what
	 * its caller was told was not acknowledged.
	 */
	@Test
	void aRecordNotAcknowledgedDuringAnOutageIsNotWrittenWhenTheBrokerReturns() throws Exception {
		startBrokerWithTopic();
		String servers = this.broker.bootstrapServers();
		int port = Integer.parseInt(servers.substring(servers.lastIndexOf(':') + 1));
		ContactInquiryReceived before = inquiry("before");
		this.publisher.publish(Topics.CONTACT_INQUIRIES, this.key, before);

		this.broker.close();
		ContactInquiryReceived lost = inquiry("lost");
		Duration waited = timed(() -> assertThatExceptionOfType(EventPublisher.NotAcknowledged.class)
			.isThrownBy(() -> this.publisher.publish(Topics.CONTACT_INQUIRIES, this.key, lost)));
		this.broker = KraftBroker.start(this.dataDir, port);
		// Same key, same partition, one idempotent producer: a record still held from
		// the outage would be written before this one.
		ContactInquiryReceived after = inquiry("after");
		await().atMost(Duration.ofSeconds(30))
			.ignoreExceptions()
			.until(() -> this.publisher.publish(Topics.CONTACT_INQUIRIES, this.key, after) != null);

		assertThat(TopicRecords.values(servers, Topics.CONTACT_INQUIRIES)).contains(before, after).doesNotContain(lost);
		assertThat(waited).isLessThanOrEqualTo(WAIT.plus(SLACK));
	}

	@Test
	void answersWithinItsWaitWhenTheBrokerIsGoneBeforeATopicWasEverUsed() throws Exception {
		startBrokerWithTopic();

		this.broker.close();
		// The producer never looked up this topic's partitions: the send itself blocks.
		Duration waited = timed(() -> assertThatExceptionOfType(EventPublisher.NotAcknowledged.class)
			.isThrownBy(() -> this.publisher.publish(Topics.CONTACT_INQUIRIES, this.key, inquiry("never"))));

		assertThat(waited).isLessThanOrEqualTo(WAIT.plus(SLACK));
	}

	/** Starts the broker with the one topic these tests use, and the publisher. */
	private void startBrokerWithTopic() throws Exception {
		this.broker = KraftBroker.start(this.dataDir, 0);
		String servers = this.broker.bootstrapServers();
		try (Admin admin = Admin.create(Map.of("bootstrap.servers", servers))) {
			admin.createTopics(List.of(new NewTopic(Topics.CONTACT_INQUIRIES.name(), 1, (short) 1))).all().get();
		}
		this.publisher = publisher(servers);
	}

	private static EventPublisher publisher(String servers) {
		Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers,
				ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
				ProducerConfig.LINGER_MS_CONFIG, 1);
		return new PublishingConfiguration().eventPublisher(new DefaultKafkaProducerFactory<>(config),
				new PublishingProperties(WAIT));
	}

	private ContactInquiryReceived inquiry(String message) {
		return new ContactInquiryReceived(this.key, new LocationId("burlington"), "Ana", "ana@example.com", null, null,
				message, Instant.parse("2026-11-25T15:00:00Z"));
	}

	private static Duration timed(Runnable action) {
		long start = System.nanoTime();
		action.run();
		return Duration.ofNanos(System.nanoTime() - start);
	}

}
