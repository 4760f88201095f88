package com.geminihealth.platform;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a Kafka Streams application does when one of its threads dies. A transient failure
 * (see {@link TransientFailure}) costs the thread only: a new one takes its tasks and,
 * under exactly-once, redoes the aborted transaction, so nothing is lost or decided
 * twice. Anything else would fail again on the same record, so the client shuts down and
 * says so: an ERROR line, a metric, and liveness DOWN
 * ({@link KafkaStreamsHealthIndicator}) for the orchestrator to restart it. Only this
 * client shuts down, not every instance of the application: the fault may be this
 * instance's own (its disk, its state directory), and the others keep serving the
 * partitions they own meanwhile.
 */
class StreamThreadRecovery implements StreamsUncaughtExceptionHandler {

	static final String REPLACEMENTS = "pipeline.streams.thread.replacements";

	static final String SHUTDOWNS = "pipeline.streams.client.shutdowns";

	private static final Logger logger = LoggerFactory.getLogger(StreamThreadRecovery.class);

	private final String applicationId;

	private final MeterRegistry registry;

	StreamThreadRecovery(String applicationId, MeterRegistry registry) {
		this.applicationId = applicationId;
		this.registry = registry;
	}

	@Override
	public StreamThreadExceptionResponse handle(Throwable failure) {
		RedactedFailure redacted = new RedactedFailure(failure);
		if (TransientFailure.is(failure)) {
			logger.warn("Kafka Streams application {} replaces a stream thread after a transient failure: {}",
					this.applicationId, redacted);
			count(REPLACEMENTS, redacted);
			return StreamThreadExceptionResponse.REPLACE_THREAD;
		}
		logger.error("Kafka Streams application {} shuts down after a failure that retrying would repeat; "
				+ "it reports itself DOWN until restarted: {}", this.applicationId, redacted);
		count(SHUTDOWNS, redacted);
		return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
	}

	private void count(String name, RedactedFailure failure) {
		Counter.builder(name)
			.tag("application.id", this.applicationId)
			.tag("exception", failure.rootType())
			.register(this.registry)
			.increment();
	}

}
