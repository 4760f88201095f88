package com.geminihealth.schemas;

/**
 * A typed identifier. On the wire and as a Kafka key it is its plain string value, so any
 * client (kcat included) reads and writes it without knowing the Java type.
 */
public interface Id {

	String value();

}
