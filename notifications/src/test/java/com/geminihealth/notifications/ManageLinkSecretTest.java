package com.geminihealth.notifications;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ManageLinkSecretTest {

	@Test
	void refusesToStartWithoutTheSecretAndSaysHowToSetIt() {
		// The service's own configuration only, without the tests' secret.
		assertThatThrownBy(() -> start("--spring.config.location=classpath:/notifications.yml")).rootCause()
			.hasMessageContaining("set pipeline.manage-links.secret")
			.hasMessageContaining("PIPELINE_MANAGE_LINKS_SECRET")
			.hasMessageContaining("openssl rand -base64 48");
	}

	@Test
	void refusesASecretTooShortToKeyTheLinksWithoutPrintingIt() {
		assertThatThrownBy(() -> start("--pipeline.manage-links.secret=cut-short-by-mistake")).rootCause()
			.hasMessageContaining("at least 32 characters")
			.hasMessageNotContaining("cut-short-by-mistake");
	}

	private static void start(String setting) {
		NotificationsApplication.builder()
			.run(setting, "--spring.main.web-application-type=none", "--spring.main.banner-mode=off",
					"--logging.structured.format.console=")
			.close();
	}

}
