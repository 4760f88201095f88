package com.geminihealth.intake;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

/**
 * The whole intake, decider included, on the shared embedded broker. Every class that
 * uses it shares one application context, whose clock a test may move on
 * ({@link MovableClock}) and must put back.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = IntakeApplication.class,
		properties = { "spring.config.name=" + IntakeApplication.CONFIG_NAME,
				"spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
				"pipeline.data-dir=target/test-data/${random.uuid}", "intake.rate-limit.requests=5",
				"intake.rate-limit.reads=" + IntakeIntegrationTest.READS_PER_MINUTE,
				"intake.integrations.keys.practice-system=test-signing-secret",
				"intake.twilio.auth-token=test-twilio-token", "logging.structured.format.console=",
				"pipeline.manage-links.secret=" + IntakeIntegrationTest.MANAGE_LINK_SECRET,
				"intake.trusted-proxies=" + IntakeIntegrationTest.TRUSTED_PROXIES,
				"intake.destination-limits.emails-per-day=" + IntakeIntegrationTest.PER_DESTINATION,
				"intake.pages.challenge.difficulty=" + IntakeIntegrationTest.CHALLENGE_BITS,
				"intake.destination-limits.texts-per-day=" + IntakeIntegrationTest.PER_DESTINATION,
				// A service whose appointments are always inside the notice for online
				// changes.
				"clinic.services.chiro-visit.change-notice=60d" })
@AutoConfigureMockMvc
@Import({ KafkaTopics.class, EveryRequestFromItsOwnAddress.class, MovableClock.class })
public @interface IntakeIntegrationTest {

	/** Reads of pages and the API one address may make a minute in the tests. */
	int READS_PER_MINUTE = 30;

	/**
	 * Requests one email address or number may have in a day in the tests: more than the
	 * default, as tests share contacts, fewer than any test uses one.
	 */
	int PER_DESTINATION = 10;

	/** The forms' proof of work in the tests: 16 hashes on average. */
	int CHALLENGE_BITS = 4;

	/** The reverse proxies the intake believes, a documentation range (RFC 5737). */
	String TRUSTED_PROXIES = "192.0.2.0/24";

	/** The secret the notifications service would sign patients' manage links with. */
	String MANAGE_LINK_SECRET = "test-manage-link-secret-of-32-characters-or-more";

}
