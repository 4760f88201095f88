package com.geminihealth.intake.decider;

import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.geminihealth.schemas.CloudEvents;
import com.geminihealth.schemas.ContractViolation;
import com.geminihealth.schemas.Topics;
import com.geminihealth.schemas.privacy.ErasureRequested;

/**
 * Reads erasures against the contract, so that one unreadable record is reported and
 * passed over instead of stopping the decider, and with it every booking. The log names
 * the problem, never a value: an erasure carries the patient's contact details.
 */
class ErasureCheck implements FixedKeyProcessor<byte[], byte[], ErasureRequested> {

	private static final Logger logger = LoggerFactory.getLogger(ErasureCheck.class);

	private FixedKeyProcessorContext<byte[], ErasureRequested> context;

	@Override
	public void init(FixedKeyProcessorContext<byte[], ErasureRequested> context) {
		this.context = context;
	}

	@Override
	public void process(FixedKeyRecord<byte[], byte[]> record) {
		try {
			this.context.forward(record.withValue(Topics.ERASURES
				.readExternal(CloudEvents.header(record.headers(), CloudEvents.TYPE), record.value())));
		}
		catch (ContractViolation ex) {
			logger.error("Passed over an erasure that breaks the contract, at {}: {}",
					this.context.recordMetadata()
						.map((at) -> at.topic() + "-" + at.partition() + "@" + at.offset())
						.orElse("an unknown offset"),
					ex.getMessage());
		}
	}

}
