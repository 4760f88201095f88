package com.geminihealth.schemas;

import java.util.List;

import org.apache.kafka.common.errors.SerializationException;

/** A record that does not honour the contract; the message says why, for a person. */
public class ContractViolation extends SerializationException {

	private final List<String> problems;

	public ContractViolation(String message) {
		this(message, List.of(message), null);
	}

	public ContractViolation(String message, Throwable cause) {
		this(message, List.of(message), cause);
	}

	public ContractViolation(String message, List<String> problems, Throwable cause) {
		super(message, cause);
		this.problems = List.copyOf(problems);
	}

	/** Each problem on its own, such as {@code $.patient.email: does not match ...}. */
	public List<String> problems() {
		return this.problems;
	}

}
