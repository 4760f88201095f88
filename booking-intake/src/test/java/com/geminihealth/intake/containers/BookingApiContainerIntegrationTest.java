package com.geminihealth.intake.containers;

import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;

import org.springframework.boot.testcontainers.service.connection.ServiceConnection;

import com.geminihealth.intake.booking.BookingApiIntegrationTest;

/**
 * The booking API scenarios on a Kafka container, wherever Docker runs; skipped cleanly
 * where it does not (CI runs the embedded-broker path).
 */
@Testcontainers(disabledWithoutDocker = true)
class BookingApiContainerIntegrationTest extends BookingApiIntegrationTest {

	@Container
	@ServiceConnection
	static final KafkaContainer kafka = KafkaContainers.apacheKafka();

}
