package com.geminihealth.platform;

import java.util.Locale;
import java.util.Map;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a Kafka Streams application does with a record it cannot write: retry what Kafka
 * calls retriable, and fail on everything else (a record too large, a value that does not
 * serialise), never continue. Under exactly-once, continuing would commit the command or
 * booking that was read while dropping what it produced: a decision no patient hears of,
 * a reminder that never fires, a calendar whose store disagrees with what was announced.
 * Failing aborts the transaction instead, so nothing of that input counts, and the thread
 * dies on a failure that is not transient: {@link StreamThreadRecovery} shuts the client
 * down and it reports itself DOWN until the fault is fixed. A stalled partition is loud;
 * a lost decision is silent. (A record the producer itself refuses, such as one too
 * large, dooms an exactly-once transaction whatever this answers; a value that does not
 * serialise never reaches the producer, so there this answer alone keeps it.)
 * <p>
 * Kafka instantiates it by name ({@code production.exception.handler}), hence public.
 */
public class RetryOrFailProductionExceptionHandler implements ProductionExceptionHandler {

	private static final Logger logger = LoggerFactory.getLogger(RetryOrFailProductionExceptionHandler.class);

	@Override
	public ProductionExceptionHandlerResponse handle(ErrorHandlerContext context, ProducerRecord<byte[], byte[]> record,
			Exception exception) {
		if (exception instanceof RetriableException) {
			return ProductionExceptionHandlerResponse.RETRY;
		}
		// Topics, positions and types only: keys and values carry personal data.
		logger.error("Kafka Streams could not write to {} what it made of {}-{}@{}, and fails rather than drop it: {}",
				record.topic(), context.topic(), context.partition(), context.offset(), new RedactedFailure(exception));
		return ProductionExceptionHandlerResponse.FAIL;
	}

	@Override
	@SuppressWarnings("rawtypes")
	public ProductionExceptionHandlerResponse handleSerializationException(ErrorHandlerContext context,
			ProducerRecord record, Exception exception, SerializationExceptionOrigin origin) {
		logger.error(
				"Kafka Streams could not serialise the {} of a record for {} made of {}-{}@{}, and fails rather "
						+ "than drop it: {}",
				origin.name().toLowerCase(Locale.ROOT), record.topic(), context.topic(), context.partition(),
				context.offset(), new RedactedFailure(exception));
		return ProductionExceptionHandlerResponse.FAIL;
	}

	@Override
	public void configure(Map<String, ?> configs) {
	}

}
