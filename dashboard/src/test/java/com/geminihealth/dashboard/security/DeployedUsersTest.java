package com.geminihealth.dashboard.security;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import com.geminihealth.dashboard.DashboardApplication;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard as deployed, from its own configuration file: it has no user of its own,
 * and will not run without one. It stops before reaching Kafka, so no broker is needed.
 */
@ExtendWith(OutputCaptureExtension.class)
class DeployedUsersTest {

	@Test
	void refusesToStartWithoutUsersAndSaysHowToNameThem(CapturedOutput output) {
		assertThat(start()).as("a dashboard started without users").isNotNull();
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("nobody could sign in")
			.contains("DASHBOARD_SECURITY_USERS_0_USERNAME")
			.contains("DASHBOARD_SECURITY_USERS_0_PASSWORD");
	}

	@Test
	void refusesToStartWithAPasswordThatDoesNotNameItsEncoding(CapturedOutput output) {
		assertThat(start("--dashboard.security.users[0].username=reception",
				"--dashboard.security.users[0].password=reception-password"))
			.as("a dashboard with a password of unknown encoding")
			.isNotNull();
		assertThat(output).contains("must name its encoding first, as {bcrypt}$2a$10$... or {noop}...")
			.doesNotContain("reception-password");
	}

	/** What stopped the dashboard from starting, or null if it started. */
	private static Throwable start(String... settings) {
		List<String> arguments = new ArrayList<>(List.of("--server.port=0",
				"--spring.kafka.bootstrap-servers=localhost:9", "--dashboard.state-dir=target/deployed-users",
				"--logging.structured.format.console=", "--spring.main.banner-mode=off"));
		arguments.addAll(List.of(settings));
		try (ConfigurableApplicationContext started = DashboardApplication.builder()
			.run(arguments.toArray(String[]::new))) {
			return null;
		}
		catch (RuntimeException ex) {
			return ex;
		}
	}

}
