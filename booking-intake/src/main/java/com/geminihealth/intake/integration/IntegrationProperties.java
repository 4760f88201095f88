package com.geminihealth.intake.integration;

import java.time.Duration;
import java.util.Map;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Partners that may post signed booking commands.
 *
 * @param keys shared secret per key id; set them from the environment, never in the repo
 * @param maxAge how old a signed request may be before it is refused as a replay
 */
@Validated
@ConfigurationProperties("intake.integrations")
public record IntegrationProperties(Map<String, String> keys, @DefaultValue("5m") @NotNull Duration maxAge) {

	public IntegrationProperties {
		keys = (keys != null) ? Map.copyOf(keys) : Map.of();
	}

}
