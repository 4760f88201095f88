package com.geminihealth.intake.web;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Limits bursts of submissions from one client address to the public pages and API.
 * Signed integrations are not limited: they are known callers.
 *
 * @param enabled whether to limit at all
 * @param requests submissions allowed per period
 * @param period the window the allowance refills over
 */
@Validated
@ConfigurationProperties("intake.rate-limit")
public record RateLimitProperties(@DefaultValue("true") boolean enabled, @DefaultValue("10") @Min(1) int requests,
		@DefaultValue("1m") @NotNull Duration period) {
}
