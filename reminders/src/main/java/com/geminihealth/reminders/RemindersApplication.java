package com.geminihealth.reminders;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Reminders and follow-ups: a Kafka Streams scheduler. */
@SpringBootApplication
@ConfigurationPropertiesScan
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
