package com.geminihealth.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

/** Cleaning up what a benchmark wrote under {@code target/}. */
public final class Directories {

	private Directories() {
	}

	/**
	 * A new directory for one run of the benchmark {@code name}, in the working
	 * directory: {@code benchmarks/target/} when Maven runs it.
	 */
	public static Path createForRun(String name) throws IOException {
		return Files.createDirectories(Path.of(name + "-" + UUID.randomUUID()));
	}

	/** Deletes {@code dir} and everything in it, if it exists. */
	public static void delete(Path dir) throws IOException {
		if (!Files.exists(dir)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(dir)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(path);
			}
		}
	}

}
