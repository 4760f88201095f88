package com.geminihealth.platform;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler.ProductionExceptionHandlerResponse;
import org.apache.kafka.streams.errors.ProductionExceptionHandler.SerializationExceptionOrigin;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.apache.kafka.streams.errors.internals.DefaultErrorHandlerContext;
import org.apache.kafka.streams.processor.TaskId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which failures a Kafka Streams service survives by itself, and that what it reports of
 * them quotes no record.
 */
class StreamFailureRulesTest {

	final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	final StreamThreadRecovery recovery = new StreamThreadRecovery("booking-decider", this.registry);

	@Test
	void replacesTheThreadForWhatKafkaCallsRetriableHoweverDeeplyWrapped() {
		assertThat(this.recovery.handle(new StreamsException(new StreamsException(new TimeoutException("slow")))))
			.isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
		assertThat(this.recovery.handle(new NotEnoughReplicasException("one broker left")))
			.isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
		assertThat(this.registry.get(StreamThreadRecovery.REPLACEMENTS)
			.tags("application.id", "booking-decider", "exception", "TimeoutException")
			.counter()
			.count()).isEqualTo(1);
	}

	@Test
	void shutsTheClientDownForWhatWouldFailAgain() {
		assertThat(this.recovery.handle(new StreamsException(new IllegalStateException("a bug"))))
			.isEqualTo(StreamThreadExceptionResponse.SHUTDOWN_CLIENT);
		assertThat(this.recovery.handle(new StreamsException(new RecordTooLargeException("2 MB"))))
			.isEqualTo(StreamThreadExceptionResponse.SHUTDOWN_CLIENT);
		assertThat(this.recovery.handle(new OutOfMemoryError()))
			.isEqualTo(StreamThreadExceptionResponse.SHUTDOWN_CLIENT);
		assertThat(this.registry.get(StreamThreadRecovery.SHUTDOWNS).counters()).hasSize(3);
	}

	@Test
	void describesAFailureByItsTypesNeverByItsMessages() {
		Throwable failure = new StreamsException("Exception caught in process, stacktrace=ana@example.com",
				new IllegalArgumentException("no such patient +12895550123"));

		assertThat(new RedactedFailure(failure).toString())
			.startsWith(
					"org.apache.kafka.streams.errors.StreamsException caused by java.lang.IllegalArgumentException at ")
			.doesNotContain("ana@example.com")
			.doesNotContain("+12895550123");
	}

	@Test
	void retriesASendThatMayPassAndFailsTheTransactionForOneThatCannot() {
		RetryOrFailProductionExceptionHandler handler = new RetryOrFailProductionExceptionHandler();
		ProducerRecord<byte[], byte[]> record = new ProducerRecord<>("appointments", new byte[1], new byte[1]);

		assertThat(handler.handle(context(), record, new TimeoutException("slow")))
			.isEqualTo(ProductionExceptionHandlerResponse.RETRY);
		assertThat(handler.handle(context(), record, new RecordTooLargeException("2 MB")))
			.isEqualTo(ProductionExceptionHandlerResponse.FAIL);
		assertThat(handler.handleSerializationException(context(), record, new SerializationException("bad"),
				SerializationExceptionOrigin.VALUE))
			.isEqualTo(ProductionExceptionHandlerResponse.FAIL);
	}

	private static ErrorHandlerContext context() {
		return new DefaultErrorHandlerContext(null, "booking-commands", 1, 42L, new RecordHeaders(), "decide",
				new TaskId(0, 1), 0L, null, null);
	}

}
