package com.geminihealth.dashboard.waitlist;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.geminihealth.dashboard.Appointments;
import com.geminihealth.dashboard.DashboardApplication;
import com.geminihealth.platform.EventPublisher;
import com.geminihealth.platform.test.TopicRecords;
import com.geminihealth.schemas.Topics;
import com.geminihealth.schemas.booking.Author;
import com.geminihealth.schemas.booking.JoinWaitlist;
import com.geminihealth.schemas.booking.Language;
import com.geminihealth.schemas.waitlist.WaitlistEvent;
import com.geminihealth.schemas.waitlist.WaitlistJoined;
import com.geminihealth.schemas.waitlist.WaitlistLeft;
import com.geminihealth.schemas.waitlist.WaitlistOfferClosed;
import com.geminihealth.schemas.waitlist.WaitlistOffered;
import com.geminihealth.schemas.waitlist.WaitlistWindow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The waitlist page on a real embedded broker: the test plays the decider by publishing
 * its waitlist events, and reads back the JoinWaitlist the front desk's form sends.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.config.name=" + DashboardApplication.CONFIG_NAME,
				"spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}", "logging.structured.format.console=",
				"dashboard.state-dir=${java.io.tmpdir}/dashboard-it", "dashboard.intake-url=http://localhost:9",
				"dashboard.outbox-dir=${java.io.tmpdir}/dashboard-it/outbox",
				"dashboard.sms-sandbox-dir=${java.io.tmpdir}/dashboard-it/sms",
				"dashboard.security.users[0].username=reception",
				"dashboard.security.users[0].password={noop}test-reception-password" })
@AutoConfigureMockMvc
class WaitlistIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	EventPublisher publisher;

	@Autowired
	MeterRegistry meters;

	@Value("${spring.embedded.kafka.brokers}")
	String brokers;

	@Test
	void showsWhoWaitsAndTheOfferInFlightUntilTheOfferIsClaimedAndTheyLeave() throws Exception {
		String name = "Olivia" + shortId();
		String phone = "+1289555" + (1000 + ThreadLocalRandom.current().nextInt(8999));
		WaitlistJoined joined = WaitlistEvents.joined(name + " Roy", phone, Instant.now());
		Instant freed = Instant.now().minusSeconds(300);
		WaitlistOffered offered = WaitlistEvents.offered(joined, freed, Instant.now().plusSeconds(600));
		double refilledBefore = this.meters.get("waitlist.slots.refilled").counter().count();
		publish(joined);
		publish(offered);

		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			String page = page();
			assertThat(row(page, "data-entry=\"" + joined.entryId().value() + "\"")).contains(name)
				.contains("Swedish massage")
				.contains("Anyone")
				.contains(phone.substring(phone.length() - 4))
				.doesNotContain(phone);
			assertThat(row(page, "data-offer=\"" + offered.offer().value() + "\"")).contains(name)
				.contains("10:00 with Maya Chen")
				.contains("in 10 min");
		});
		assertThat(page()).doesNotContain(phone).doesNotContain(joined.patient().email()).doesNotContain(name + " Roy");

		publish(WaitlistEvents.closed(offered, WaitlistOfferClosed.Outcome.CLAIMED, Instant.now()));
		publish(new WaitlistLeft(joined.entryId(), WaitlistLeft.Reason.BOOKED, Instant.now()));

		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(page()).doesNotContain(name));
		assertThat(this.meters.get("waitlist.slots.refilled").counter().count()).isEqualTo(refilledBefore + 1);
		assertThat(this.meters.get("waitlist.refill.time").timer().max(TimeUnit.SECONDS)).isGreaterThanOrEqualTo(300);
	}

	@Test
	void putsACallerOnTheWaitlistAsAFrontDeskJoinWaitlist() throws Exception {
		String name = "Noah" + shortId();
		LocalDate first = LocalDate.now(Appointments.TORONTO).plusDays(3);
		this.mvc
			.perform(post("/waitlist/entries").param("location", "burlington")
				.param("service", "rmt-swedish-60")
				.param("practitioner", "maya-chen")
				.param("firstDay", first.toString())
				.param("lastDay", first.plusDays(6).toString())
				.param("earliest", "16:00")
				.param("latest", "")
				.param("patientName", name + " Aziz")
				.param("mobilePhone", "289-555-0105")
				.param("language", "FR")
				.param("smsConsent", "true")
				.param("feedbackConsent", "true")
				.with(csrf())
				.with(frontDesk("amira")))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/waitlist"));

		JoinWaitlist join = await().atMost(Duration.ofSeconds(10))
			.until(() -> joinsFor(name).stream().findFirst().orElse(null), (command) -> command != null);
		assertThat(join.location().value()).isEqualTo("burlington");
		assertThat(join.service().value()).isEqualTo("rmt-swedish-60");
		assertThat(join.practitioner().value()).isEqualTo("maya-chen");
		assertThat(join.window()).isEqualTo(new WaitlistWindow(first, first.plusDays(6), LocalTime.of(16, 0), null));
		assertThat(join.patient().mobilePhone()).isEqualTo("+12895550105");
		assertThat(join.patient().email()).isNull();
		assertThat(join.patient().language()).isEqualTo(Language.FR);
		assertThat(join.patient().consent().sms()).isTrue();
		assertThat(join.patient().consent().feedback()).isTrue();
		assertThat(join.author()).isEqualTo(Author.frontDesk("amira"));
		assertThat(join.entryId()).isNotNull();
		assertThat(TopicRecords.read(this.brokers, Topics.BOOKING_COMMANDS)).filteredOn(
				(record) -> record.value() instanceof JoinWaitlist command && command.entryId().equals(join.entryId()))
			.singleElement()
			.satisfies((record) -> assertThat(record.key().value()).isEqualTo("burlington"));
	}

	@Test
	void answersEachWrongFieldBesideItAndSendsNothing() throws Exception {
		String name = "Ines" + shortId();
		String page = this.mvc
			.perform(post("/waitlist/entries").param("location", "nowhere")
				.param("service", "rmt-swedish-60")
				.param("firstDay", "2020-01-06")
				.param("lastDay", "not a day")
				.param("earliest", "18:00")
				.param("latest", "09:00")
				.param("patientName", name + " Roy")
				.param("mobilePhone", "555")
				.with(csrf())
				.with(frontDesk("amira")))
			.andExpect(status().is(422))
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(page).contains("id=\"location-problem\"", "Choose a location.")
			.contains("id=\"firstDay-problem\"", "Choose today or a later day.")
			.contains("id=\"lastDay-problem\"", "Enter the last day as yyyy-mm-dd.")
			.contains("id=\"latest-problem\"", "Enter a latest start at or after the earliest.")
			.contains("id=\"mobilePhone-problem\"", "Enter the mobile phone as 10 digits")
			.contains("id=\"contact-problem\"", "Enter a mobile phone or an email")
			.contains("aria-invalid=\"true\"")
			.contains("value=\"" + name + " Roy\"")
			.doesNotContain("id=\"service-problem\"");

		String practitioner = this.mvc
			.perform(post("/waitlist/entries").param("location", "burlington")
				.param("service", "rmt-swedish-60")
				.param("practitioner", "nobody")
				.param("firstDay", LocalDate.now(Appointments.TORONTO).toString())
				.param("lastDay", LocalDate.now(Appointments.TORONTO).toString())
				.param("patientName", name + " Roy")
				.param("email", name.toLowerCase() + "@example.org")
				.with(csrf())
				.with(frontDesk("amira")))
			.andExpect(status().is(422))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(practitioner).contains("id=\"practitioner-problem\"").doesNotContain("id=\"email-problem\"");
		assertThat(joinsFor(name)).isEmpty();
	}

	@Test
	void theWaitlistIsForTheFrontDeskWithItsCsrfToken() throws Exception {
		this.mvc.perform(get("/waitlist").accept(MediaType.TEXT_HTML))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/login"));
		this.mvc.perform(get("/waitlist").with(user("someone").roles("OPERATIONS"))).andExpect(status().isForbidden());
		this.mvc.perform(post("/waitlist/entries").param("location", "burlington").with(frontDesk("amira")))
			.andExpect(status().isForbidden());
		assertThat(page()).contains("href=\"/waitlist\"").contains("Put a caller on the waitlist");
	}

	private void publish(WaitlistEvent event) {
		this.publisher.publish(Topics.WAITLIST, event.entryId(), event);
	}

	private List<JoinWaitlist> joinsFor(String name) {
		return TopicRecords.values(this.brokers, Topics.BOOKING_COMMANDS)
			.stream()
			.filter(JoinWaitlist.class::isInstance)
			.map(JoinWaitlist.class::cast)
			.filter((command) -> command.patient().name().startsWith(name))
			.toList();
	}

	private String page() throws Exception {
		return this.mvc.perform(get("/waitlist").with(frontDesk("amira")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private static String row(String page, String attribute) {
		int at = page.indexOf(attribute);
		assertThat(at).as(attribute).isNotNegative();
		return page.substring(at, page.indexOf("</tr>", at));
	}

	private static RequestPostProcessor frontDesk(String name) {
		return user(name).roles("FRONT_DESK");
	}

	private static String shortId() {
		return UUID.randomUUID().toString().substring(0, 6).replaceAll("[^a-z]", "x");
	}

}
