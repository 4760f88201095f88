package com.geminihealth.intake.web;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * A form field people never see and bots fill in. A filled honeypot gets the normal
 * "thank you" page, so the bot learns nothing, and nothing is published.
 */
@Component
public class Honeypot {

	/** Named like a field a bot would want to fill. */
	public static final String FIELD = "website";

	private final Counter caught;

	Honeypot(MeterRegistry meters) {
		this.caught = Counter.builder("intake.honeypot.caught")
			.description("Form posts dropped because the hidden honeypot field was filled")
			.register(meters);
	}

	public boolean caught(String honeypotValue) {
		if (StringUtils.hasText(honeypotValue)) {
			this.caught.increment();
			return true;
		}
		return false;
	}

}
