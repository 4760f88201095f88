package com.geminihealth.intake.decider;

import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.EnableKafkaStreams;

import com.geminihealth.platform.clinic.ClinicProperties;
import com.geminihealth.platform.TopicProperties;
import com.geminihealth.schemas.appointment.AppointmentEvent;
import com.geminihealth.schemas.booking.AppointmentId;

/**
 * Runs the decider as a Kafka Streams application (exactly-once, see booking-intake.yml).
 */
@Configuration(proxyBeanMethods = false)
@EnableKafkaStreams
class DeciderConfiguration {

	@Bean
	KStream<AppointmentId, AppointmentEvent> decider(StreamsBuilder builder, ClinicProperties clinic,
			DeciderProperties decider, TopicProperties topics) {
		// The booking commands are created with this many partitions
		// (PlatformAutoConfiguration).
		return DeciderTopology.build(builder, clinic, decider, topics.partitions());
	}

}
