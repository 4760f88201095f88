package com.geminihealth.benchmarks;

import java.util.Properties;

/**
 * Kafka Streams settings a benchmark run is asked to try instead of the deployed ones:
 * {@code -Dbench.streams.commit.interval.ms=200} sets {@code commit.interval.ms}.
 */
public final class StreamsOverrides {

	private static final String PREFIX = "bench.streams.";

	private StreamsOverrides() {
	}

	/** Puts every {@code bench.streams.*} system property into {@code config}. */
	public static void applyTo(Properties config) {
		System.getProperties()
			.stringPropertyNames()
			.stream()
			.filter((name) -> name.startsWith(PREFIX))
			.forEach((name) -> config.put(name.substring(PREFIX.length()), System.getProperty(name)));
	}

}
