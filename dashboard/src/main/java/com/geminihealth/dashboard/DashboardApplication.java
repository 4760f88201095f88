package com.geminihealth.dashboard;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.scheduling.annotation.EnableScheduling;

import com.geminihealth.platform.clinic.ClinicProperties;

/** The front-desk dashboard: a live view of the pipeline. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableConfigurationProperties(ClinicProperties.class)
@EnableScheduling
public class DashboardApplication {

	/** The name of this service's configuration file, {@code dashboard.yml}. */
	public static final String CONFIG_NAME = "dashboard";

	public static SpringApplicationBuilder builder() {
		return new SpringApplicationBuilder(DashboardApplication.class).properties("spring.config.name=" + CONFIG_NAME);
	}

	public static void main(String[] args) {
		builder().run(args);
	}

}
