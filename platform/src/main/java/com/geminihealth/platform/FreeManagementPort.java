package com.geminihealth.platform;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * A service started on any free port ({@code server.port=0}: tests, benchmarks, a second
 * instance on one host) takes any free management port too. Its configured one would be
 * taken by the first instance, or by the local run.
 */
class FreeManagementPort implements EnvironmentPostProcessor {

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		Integer server = environment.getProperty("server.port", Integer.class);
		Integer management = environment.getProperty("management.server.port", Integer.class);
		if (server != null && server == 0 && management != null && management > 0) {
			environment.getPropertySources()
				.addFirst(new MapPropertySource("freeManagementPort", Map.of("management.server.port", 0)));
		}
	}

}
