package com.geminihealth.notifications.sms;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * A clock that runs, set to noon in Toronto today: outside the clinic's quiet hours,
 * whatever the hour the tests run.
 */
@TestConfiguration(proxyBeanMethods = false)
class Daytime {

	@Bean
	@Primary
	Clock daytime() {
		Instant noon = ZonedDateTime.now(TwilioSmsIntegrationTest.TORONTO).with(LocalTime.NOON).toInstant();
		return Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), noon));
	}

}
