package com.geminihealth.reminders;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

import com.geminihealth.platform.clinic.ClinicProperties;

/** Reminders and follow-ups: a Kafka Streams scheduler. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableConfigurationProperties(ClinicProperties.class)
public class RemindersApplication {

	/** The name of this service's configuration file, {@code reminders.yml}. */
	public static final String CONFIG_NAME = "reminders";

	public static SpringApplicationBuilder builder() {
		return new SpringApplicationBuilder(RemindersApplication.class).properties("spring.config.name=" + CONFIG_NAME);
	}

	public static void main(String[] args) {
		builder().run(args);
	}

}
