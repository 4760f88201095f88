package com.geminihealth.notifications;

import org.springframework.boot.context.properties.ConfigurationProperties;

import com.geminihealth.schemas.link.ManageTokens;

/**
 * The key that signs patients' manage-my-appointment links, shared with the intake, which
 * checks them. It has no default: a default would be in the source for anyone to read,
 * and with it anyone could open, move or cancel any appointment.
 *
 * @param secret at least {@value ManageTokens#MINIMUM_SECRET_LENGTH} characters
 */
@ConfigurationProperties("pipeline.manage-links")
public record ManageLinkProperties(String secret) {

	/*
	 * Checked here rather than with bean validation, whose start-up report prints the
	 * rejected value: a secret cut short by mistake would land in the logs.
	 */
	public ManageLinkProperties {
		if (secret == null || secret.isBlank() || secret.length() < ManageTokens.MINIMUM_SECRET_LENGTH) {
			throw new IllegalArgumentException(
					"set pipeline.manage-links.secret (environment variable PIPELINE_MANAGE_LINKS_SECRET) to the"
							+ " intake's, at least " + ManageTokens.MINIMUM_SECRET_LENGTH
							+ " characters; generate one with: openssl rand -base64 48");
		}
	}

	@Override
	public String toString() {
		return "ManageLinkProperties[secret=******]";
	}

}
