package com.geminihealth.notifications;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

import com.geminihealth.platform.clinic.ClinicProperties;

/** Notifications: SMS through Twilio and email through Jakarta Mail. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableConfigurationProperties(ClinicProperties.class)
public class NotificationsApplication {

	/** The name of this service's configuration file, {@code notifications.yml}. */
	public static final String CONFIG_NAME = "notifications";

	public static SpringApplicationBuilder builder() {
		return new SpringApplicationBuilder(NotificationsApplication.class)
			.properties("spring.config.name=" + CONFIG_NAME);
	}

	public static void main(String[] args) {
		builder().run(args);
	}

}
