package com.geminihealth.reminders;

import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;

import com.geminihealth.platform.RetryOrFailProductionExceptionHandler;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scheduler runs with the platform's recovery (proven on a tiny topology by the
 * platform's StreamsRecoveryIntegrationTest): a thread a transient failure killed is
 * replaced, and a reminder that cannot be written fails its transaction. Configured as
 * {@link RemindersApplicationIntegrationTest}, so that both share one application.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.config.name=" + RemindersApplication.CONFIG_NAME,
				"spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
				"pipeline.data-dir=target/test-data/${random.uuid}", "logging.structured.format.console=" })
class SchedulerRecoveryIntegrationTest {

	@Autowired
	StreamsBuilderFactoryBean scheduler;

	@Test
	void replacesAStreamThreadThatATransientFailureKilled() {
		assertThat(this.scheduler.getStreamsUncaughtExceptionHandler()).isNotNull();
		assertThat(this.scheduler.getStreamsUncaughtExceptionHandler()
			.handle(new StreamsException(new TimeoutException("the broker did not answer in time"))))
			.isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
	}

	@Test
	void failsATransactionRatherThanDropAReminderItCannotWrite() {
		assertThat(this.scheduler.getStreamsConfiguration())
			.containsEntry(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG,
					RetryOrFailProductionExceptionHandler.class.getName())
			.containsEntry(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
	}

}
