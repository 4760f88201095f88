package com.geminihealth.intake;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

import com.geminihealth.platform.clinic.ClinicProperties;

/**
 * Booking intake: the HTTP API, the public booking and contact pages, signed integration
 * commands, and the appointment decider.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableConfigurationProperties(ClinicProperties.class)
public class IntakeApplication {

	/** The name of this service's configuration file, {@code booking-intake.yml}. */
	public static final String CONFIG_NAME = "booking-intake";

	public static SpringApplicationBuilder builder() {
		return new SpringApplicationBuilder(IntakeApplication.class).properties("spring.config.name=" + CONFIG_NAME);
	}

	public static void main(String[] args) {
		builder().run(args);
	}

}
