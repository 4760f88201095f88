package com.geminihealth.schemas;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.module.blackbird.BlackbirdModule;

/**
 * The one JSON mapping of the contract: ISO-8601 times, absent rather than null optional
 * fields, and unknown fields ignored so that consumers tolerate additive changes.
 */
public final class Json {

	public static final JsonMapper MAPPER = JsonMapper.builder()
		.changeDefaultPropertyInclusion((inclusion) -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.addModule(new SimpleModule("utc-instants").addDeserializer(Instant.class, new UtcInstantDeserializer()))
		// Record creators and accessors called through generated lambdas: reads a fifth
		// faster than reflection.
		.addModule(new BlackbirdModule())
		.build();

	private Json() {
	}

	/**
	 * A plain JSON serde for one type, without CloudEvents headers: for state stores and
	 * other internal data, never for topics of the catalogue.
	 */
	public static <T> Serde<T> serde(Class<T> type) {
		return Serdes.serdeFrom((topic, value) -> (value != null) ? MAPPER.writeValueAsBytes(value) : null,
				(topic, bytes) -> (bytes != null) ? MAPPER.readValue(bytes, type) : null);
	}

}
