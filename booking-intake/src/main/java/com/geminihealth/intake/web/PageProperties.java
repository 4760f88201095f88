package com.geminihealth.intake.web;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The public pages' settings.
 *
 * @param secret signs what the pages hand a browser to bring back; every instance needs
 * the same one. Unset, each instance makes its own at start, which is right for one
 * instance only
 * @param challenge the proof of work the booking and contact forms ask of a browser
 */
@Validated
@ConfigurationProperties("intake.pages")
public record PageProperties(String secret, @DefaultValue @Valid Challenge challenge) {

	/**
	 * @param difficulty leading zero bits asked of SHA-256(challenge + nonce): 2^n hashes
	 * on average, 18 being a fraction of a second of a phone's script while the form is
	 * filled in, and the same for every one of a bot's thousands of posts
	 * @param lifetime how long a challenge can be answered: a form left open longer is
	 * shown again to be sent once more
	 */
	public record Challenge(@DefaultValue("18") @Min(0) @Max(32) int difficulty,
			@DefaultValue("1h") @NotNull Duration lifetime) {
	}

}
