package com.geminihealth.platform;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class FreeManagementPortTest {

	@Test
	void givesAServiceOnAnyFreePortAnyFreeManagementPort() {
		assertThat(managementPort("server.port=0", "management.server.port=9081")).isEqualTo("0");
	}

	@Test
	void keepsTheConfiguredManagementPortOfAServiceOnAFixedPort() {
		assertThat(managementPort("server.port=8081", "management.server.port=9081")).isEqualTo("9081");
	}

	@Test
	void leavesManagementOffOrUnsetAsConfigured() {
		assertThat(managementPort("server.port=0", "management.server.port=-1")).isEqualTo("-1");
		assertThat(managementPort("server.port=0")).isNull();
	}

	private static String managementPort(String... properties) {
		MockEnvironment environment = new MockEnvironment();
		for (String property : properties) {
			String[] nameAndValue = property.split("=");
			environment.setProperty(nameAndValue[0], nameAndValue[1]);
		}
		new FreeManagementPort().postProcessEnvironment(environment, new SpringApplication());
		return environment.getProperty("management.server.port");
	}

}
