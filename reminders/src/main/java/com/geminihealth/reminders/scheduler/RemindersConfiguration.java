package com.geminihealth.reminders.scheduler;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.EnableKafkaStreams;

import com.geminihealth.reminders.policy.RemindersProperties;
import com.geminihealth.schemas.booking.AppointmentId;
import com.geminihealth.schemas.reminder.DueNotice;

/**
 * Runs the scheduler as a Kafka Streams application (exactly-once, see reminders.yml).
 */
@Configuration(proxyBeanMethods = false)
@EnableKafkaStreams
class RemindersConfiguration {

	@Bean
	SchedulerMetrics schedulerMetrics(MeterRegistry registry) {
		return new SchedulerMetrics(registry);
	}

	@Bean
	KStream<AppointmentId, DueNotice> reminders(StreamsBuilder builder, RemindersProperties properties,
			SchedulerMetrics metrics) {
		return RemindersTopology.build(builder, properties, metrics);
	}

}
