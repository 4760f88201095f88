package com.geminihealth.intake.manage;

import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The secret behind patients' manage links, shared with the notifications service, which
 * issues them. No default: a deployment sets {@code PIPELINE_MANAGE_LINKS_SECRET} (at
 * least 32 characters, e.g. {@code openssl rand -base64 48}); the local run sets its own.
 *
 * @param secret the HMAC key
 */
@Validated
@ConfigurationProperties("pipeline.manage-links")
record ManageLinkProperties(@NotBlank(
		message = "set pipeline.manage-links.secret (PIPELINE_MANAGE_LINKS_SECRET), the same as the notifications service's") String secret) {
}
