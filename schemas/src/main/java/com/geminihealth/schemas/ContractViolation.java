package com.geminihealth.schemas;

import org.apache.kafka.common.errors.SerializationException;

/** A record that does not honour the contract; the message says why, for a person. */
public class ContractViolation extends SerializationException {

	public ContractViolation(String message) {
		super(message);
	}

	public ContractViolation(String message, Throwable cause) {
		super(message, cause);
	}

}
