package com.geminihealth.intake.web;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Limits bursts from one client address to the public pages and API. Signed integrations
 * are not limited: they are known callers. Instances asking each other about a status
 * they do not hold are counted as the asking instance's address: with many instances
 * behind one address, raise {@code reads}.
 *
 * @param enabled whether to limit at all
 * @param requests submissions allowed per period
 * @param reads page and API reads allowed per period: an answer page alone asks once a
 * second for half a minute
 * @param period the window the allowances refill over
 */
@Validated
@ConfigurationProperties("intake.rate-limit")
public record RateLimitProperties(@DefaultValue("true") boolean enabled, @DefaultValue("10") @Min(1) int requests,
		@DefaultValue("120") @Min(1) int reads, @DefaultValue("1m") @NotNull Duration period) {
}
