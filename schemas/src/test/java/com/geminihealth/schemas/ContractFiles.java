package com.geminihealth.schemas;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** The published contract files on the classpath, as the tests see them. */
final class ContractFiles {

	private static final Pattern VERSIONED_SCHEMA = Pattern
		.compile("(?<root>.*/)(?<family>[a-z]+)/(?<name>[A-Za-z]+)\\.v(?<version>[1-9][0-9]*)\\.schema\\.json$");

	private ContractFiles() {
	}

	/** Every event type of every topic in the catalogue. */
	static Stream<EventType<?>> eventTypes() {
		return Topics.ALL.stream().flatMap((topic) -> topic.eventTypes().stream());
	}

	/** The event type of the catalogue whose records are {@code type}. */
	static EventType<?> eventType(Class<?> type) {
		return eventTypes().filter((candidate) -> candidate.javaType() == type).findFirst().orElseThrow();
	}

	static Topic<?, ?> topicOf(EventType<?> type) {
		return Topics.ALL.stream()
			.filter((topic) -> topic.eventTypes().contains(type))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException(type + " is on no topic"));
	}

	static boolean exists(String resource) {
		return ContractFiles.class.getClassLoader().getResource(resource) != null;
	}

	static String read(String resource) {
		try (InputStream in = ContractFiles.class.getClassLoader().getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalArgumentException(resource + " is not on the classpath");
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The versioned schema files under a classpath folder, such as
	 * {@code contract/schemas}: {@code <family>/<Name>.v<n>.schema.json}.
	 */
	static List<SchemaFile> schemaFiles(String folder) {
		try {
			Resource[] resources = new PathMatchingResourcePatternResolver()
				.getResources("classpath*:" + folder + "/*/*.schema.json");
			return Arrays.stream(resources)
				.map((resource) -> SchemaFile.of(folder, resource))
				.sorted(Comparator.comparing(SchemaFile::resource))
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** One published version of one event type's schema. */
	record SchemaFile(String folder, String family, String name, int version) {

		static SchemaFile of(String folder, Resource resource) {
			String path;
			try {
				path = resource.getURL().toString();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			Matcher matcher = VERSIONED_SCHEMA.matcher(path);
			if (!matcher.matches()) {
				throw new IllegalStateException(path + " is not named <family>/<Name>.v<n>.schema.json");
			}
			return new SchemaFile(folder, matcher.group("family"), matcher.group("name"),
					Integer.parseInt(matcher.group("version")));
		}

		String resource() {
			return this.folder + "/" + this.family + "/" + this.name + ".v" + this.version + ".schema.json";
		}

		/** The published example of the version before this one. */
		String previousExampleResource() {
			return "contract/examples/" + this.family + "/" + this.name + ".v" + (this.version - 1) + ".json";
		}

	}

}
