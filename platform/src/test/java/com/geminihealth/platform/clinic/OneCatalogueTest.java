package com.geminihealth.platform.clinic;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The clinic is defined once: every service imports {@code clinic.yml}, and none keeps a
 * copy of its locations, services or practitioners in its own configuration.
 */
class OneCatalogueTest {

	private static final List<String> SERVICES = List.of("booking-intake", "notifications", "reminders", "dashboard");

	@Test
	void everyServiceImportsTheCatalogueAndKeepsNoCopy() throws IOException {
		for (String service : SERVICES) {
			String yml = Files.readString(Path.of("..", service, "src", "main", "resources", service + ".yml"));

			assertThat(yml).as(service).containsPattern("import: .*classpath:clinic\\.yml");
			assertThat(yml).as(service).doesNotContainPattern("(?m)^clinic:");
		}
		// The copies there were: the dashboard's names, the messages' names and
		// addresses.
		assertThat(Files.readString(Path.of("..", "dashboard", "src", "main", "resources", "dashboard.yml")))
			.doesNotContainPattern("(?m)^  (locations|services|practitioners):");
		assertThat(Files.readString(Path.of("..", "notifications", "src", "main", "resources", "notifications.yml")))
			.doesNotContainPattern("(?m)^    locations:");
	}

}
