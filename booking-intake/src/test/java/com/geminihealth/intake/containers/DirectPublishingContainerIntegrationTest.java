package com.geminihealth.intake.containers;

import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;

import org.springframework.boot.testcontainers.service.connection.ServiceConnection;

import com.geminihealth.intake.decider.DirectPublishingIntegrationTest;

/**
 * Dead-lettering of broken integration records on a Kafka container, where Docker runs.
 */
@Testcontainers(disabledWithoutDocker = true)
class DirectPublishingContainerIntegrationTest extends DirectPublishingIntegrationTest {

	@Container
	@ServiceConnection
	static final KafkaContainer kafka = KafkaContainers.apacheKafka();

}
