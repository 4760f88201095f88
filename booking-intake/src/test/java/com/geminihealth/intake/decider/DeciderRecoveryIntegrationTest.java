package com.geminihealth.intake.decider;

import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;

import com.geminihealth.intake.IntakeIntegrationTest;
import com.geminihealth.platform.RetryOrFailProductionExceptionHandler;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The decider runs with the platform's recovery (proven on a tiny topology by the
 * platform's StreamsRecoveryIntegrationTest): a thread a transient failure killed is
 * replaced, and a decision that cannot be written fails its transaction.
 */
@IntakeIntegrationTest
class DeciderRecoveryIntegrationTest {

	@Autowired
	StreamsBuilderFactoryBean decider;

	@Test
	void replacesAStreamThreadThatATransientFailureKilled() {
		assertThat(this.decider.getStreamsUncaughtExceptionHandler()).isNotNull();
		assertThat(this.decider.getStreamsUncaughtExceptionHandler()
			.handle(new StreamsException(new TimeoutException("the broker did not answer in time"))))
			.isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
	}

	@Test
	void failsATransactionRatherThanDropADecisionItCannotWrite() {
		assertThat(this.decider.getStreamsConfiguration())
			.containsEntry(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG,
					RetryOrFailProductionExceptionHandler.class.getName())
			.containsEntry(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
	}

}
