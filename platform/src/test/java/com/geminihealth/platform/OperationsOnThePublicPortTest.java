package com.geminihealth.platform;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class OperationsOnThePublicPortTest {

	private final WebApplicationContextRunner service = new WebApplicationContextRunner()
		.withUserConfiguration(PlatformAutoConfiguration.OperationsOnThePublicPort.class);

	@Test
	void refusesToStartAServiceWhoseOperationsEndpointsShareItsPublicPort() {
		this.service.withPropertyValues("server.port=8081")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("Operations endpoints would answer on the public port")
				.hasMessageContaining("MANAGEMENT_SERVER_PORT"));
		this.service.withPropertyValues("server.port=8081", "management.server.port=8081")
			.run((context) -> assertThat(context).hasFailed());
	}

	@Test
	void startsAServiceWithAManagementPortOfItsOwnOrNone() {
		this.service.withPropertyValues("server.port=8081", "management.server.port=9081")
			.run((context) -> assertThat(context).hasNotFailed());
		this.service.withPropertyValues("management.server.port=-1")
			.run((context) -> assertThat(context).hasNotFailed());
	}

}
