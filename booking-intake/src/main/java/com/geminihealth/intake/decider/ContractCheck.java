package com.geminihealth.intake.decider;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.geminihealth.schemas.CloudEvents;
import com.geminihealth.schemas.ContractViolation;
import com.geminihealth.schemas.DeadLetters;
import com.geminihealth.schemas.Topics;
import com.geminihealth.schemas.appointment.CommandRejected;
import com.geminihealth.schemas.booking.BookingCommand;
import com.geminihealth.schemas.booking.LocationId;

/**
 * Checks every booking command against the published contract, because integrations write
 * to the booking stream directly: the ce_type must be known, the JSON must pass its
 * schema, and the key must be the command's location. A record that fails carries the
 * reason and its origin in dead-letter headers, and is answered with a {@link Rejection}
 * when its sender can be named. Neither the reason nor the log quotes a value of the
 * record: it may be personal data.
 */
class ContractCheck implements FixedKeyProcessor<byte[], byte[], CheckedCommand> {

	private static final Logger logger = LoggerFactory.getLogger(ContractCheck.class);

	private FixedKeyProcessorContext<byte[], CheckedCommand> context;

	@Override
	public void init(FixedKeyProcessorContext<byte[], CheckedCommand> context) {
		this.context = context;
	}

	@Override
	public void process(FixedKeyRecord<byte[], byte[]> record) {
		try {
			this.context.forward(record.withValue(check(record)));
		}
		catch (ContractViolation ex) {
			Headers headers = record.headers();
			CommandRejected rejection = Rejection
				.of(CloudEvents.header(headers, CloudEvents.TYPE), record.value(), String.join("; ", ex.problems()))
				.orElse(null);
			put(headers, DeadLetters.REASON, ex.getMessage());
			this.context.recordMetadata().ifPresent((origin) -> addOrigin(headers, origin));
			logger.warn("Dead-lettered a booking command ({}): {}",
					(rejection != null) ? "rejected as " + rejection.appointmentId() : "no sender to answer",
					ex.getMessage());
			this.context
				.forward(record.withValue(CheckedCommand.broken(record.value(), rejection)).withHeaders(headers));
		}
	}

	private static CheckedCommand check(FixedKeyRecord<byte[], byte[]> record) {
		if (record.value() == null) {
			throw new ContractViolation("a booking command must have a value");
		}
		LocationId key = Topics.BOOKING_COMMANDS.keySerde()
			.deserializer()
			.deserialize(Topics.BOOKING_COMMANDS.name(), record.key());
		BookingCommand command = Topics.BOOKING_COMMANDS
			.readExternal(CloudEvents.header(record.headers(), CloudEvents.TYPE), record.value());
		if (key == null || !key.equals(command.location())) {
			// Neither is quoted: an integration may key its records by anything, a
			// patient's phone number included.
			throw new ContractViolation("the record key must be the command's location ($.location)");
		}
		return CheckedCommand.kept(key, command);
	}

	private static void addOrigin(Headers headers, RecordMetadata origin) {
		put(headers, DeadLetters.SOURCE_TOPIC, origin.topic());
		put(headers, DeadLetters.SOURCE_PARTITION, String.valueOf(origin.partition()));
		put(headers, DeadLetters.SOURCE_OFFSET, String.valueOf(origin.offset()));
	}

	private static void put(Headers headers, String name, String value) {
		headers.remove(name);
		headers.add(name, value.getBytes(StandardCharsets.UTF_8));
	}

}
