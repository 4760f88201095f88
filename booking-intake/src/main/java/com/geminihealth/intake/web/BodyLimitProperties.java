package com.geminihealth.intake.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotNull;

/**
 * The largest request body each kind of door reads. A booking, an inquiry or a provider
 * webhook is a few kilobytes; a signed integration's command a little more.
 *
 * @param publicDoors pages, the JSON API and the webhooks
 * @param integrations the signed integration endpoint
 */
@Validated
@ConfigurationProperties("intake.body-limits")
public record BodyLimitProperties(@DefaultValue("32KB") @NotNull DataSize publicDoors,
		@DefaultValue("128KB") @NotNull DataSize integrations) {
}
