package com.geminihealth.schemas;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The deployment guide's table of how long data lives says what the catalogue does, for
 * every topic.
 */
class DeploymentDocumentTest {

	private static final Path GUIDE = Path.of("..", "docs", "deployment.md");

	@Test
	void everyTopicHasARowWithTheCatalogueCleanupPolicyAndRetention() throws IOException {
		List<String> rows = Files.readAllLines(GUIDE).stream().filter((line) -> line.startsWith("| `")).toList();

		for (Topic<?, ?> topic : Topics.ALL) {
			String policy = topic.configs().get("cleanup.policy");
			String retention = "compact".equals(policy) ? "for good" : days(topic.configs().get("retention.ms"));
			assertThat(rows).as(topic.name())
				.anySatisfy((row) -> assertThat(row).contains("`" + topic.name() + "`")
					.contains("| " + policy + " | " + retention + " |"));
		}
	}

	private static String days(String millis) {
		return Duration.ofMillis(Long.parseLong(millis)).toDays() + " days";
	}

}
