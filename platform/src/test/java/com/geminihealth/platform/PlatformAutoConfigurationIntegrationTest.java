package com.geminihealth.platform;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.config.StreamsBuilderFactoryBeanConfigurer;

import com.geminihealth.schemas.Topic;
import com.geminihealth.schemas.Topics;
import com.geminihealth.schemas.booking.LocationId;
import com.geminihealth.schemas.inquiry.ContactInquiryReceived;
import com.geminihealth.schemas.inquiry.InquiryId;
import com.geminihealth.platform.test.TopicRecords;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@SpringBootTest(webEnvironment = WebEnvironment.NONE, properties = {
		"spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}", "pipeline.topics.partitions=4" })
class PlatformAutoConfigurationIntegrationTest {

	@Value("${spring.embedded.kafka.brokers}")
	String brokers;

	@Autowired
	EventPublisher publisher;

	@Autowired
	KafkaClusterHealthIndicator kafkaHealth;

	@Autowired
	List<StreamsBuilderFactoryBeanConfigurer> streamsConfigurers;

	@Test
	void createsEveryTopicOfTheCatalogueWithTheConfiguredPartitions() throws Exception {
		Set<String> names = Topics.ALL.stream().map(Topic::name).collect(Collectors.toSet());
		try (Admin admin = Admin.create(Map.of("bootstrap.servers", this.brokers))) {
			Map<String, TopicDescription> topics = admin.describeTopics(names).allTopicNames().get();

			assertThat(topics.keySet()).containsExactlyInAnyOrderElementsOf(names);
			assertThat(topics.values()).allSatisfy((topic) -> assertThat(topic.partitions()).hasSize(4));
		}
	}

	@Test
	void publishesWithTheCatalogueSerdesAndReturnsWhereKafkaStoredIt() {
		InquiryId id = InquiryId.random();
		ContactInquiryReceived inquiry = new ContactInquiryReceived(id, new LocationId("burlington"), "Ana",
				"ana@example.com", null, null, "Hello", java.time.Instant.parse("2026-11-25T15:00:00Z"));

		EventPublisher.Acknowledged stored = this.publisher.publish(Topics.CONTACT_INQUIRIES, id, inquiry);

		assertThat(stored.topic()).isEqualTo(Topics.CONTACT_INQUIRIES.name());
		assertThat(TopicRecords.values(this.brokers, Topics.CONTACT_INQUIRIES)).contains(inquiry);
	}

	@Test
	@SuppressWarnings({ "unchecked", "rawtypes" })
	void refusesAValueThatIsNotAnEventOfTheTopic() {
		Topic untyped = Topics.BOOKING_COMMANDS;
		Object inquiry = new ContactInquiryReceived(InquiryId.random(), null, "Ana", "ana@example.com", null, null,
				"Hello", java.time.Instant.now());

		assertThatExceptionOfType(RuntimeException.class)
			.isThrownBy(() -> this.publisher.publish(untyped, new LocationId("burlington"), inquiry))
			.withStackTraceContaining("is not an event of topic booking-commands");
	}

	@Test
	void makesKafkaStreamsLeaveTheGroupWhenStopped() {
		StreamsBuilderFactoryBean streams = new StreamsBuilderFactoryBean();
		this.streamsConfigurers.forEach((configurer) -> configurer.configure(streams));

		assertThat(streams).hasFieldOrPropertyWithValue("leaveGroupOnClose", true);
	}

	@Test
	void reportsTheClusterUp() {
		assertThat(this.kafkaHealth.health(true).getStatus()).isEqualTo(Status.UP);
	}

	@SpringBootApplication
	static class PlatformTestApplication {

	}

}
