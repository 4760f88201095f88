package com.geminihealth.intake.destination;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ThreadLocalRandom;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import com.geminihealth.intake.IntakeIntegrationTest;
import com.geminihealth.intake.KafkaTopics;
import com.geminihealth.intake.NextWeek;
import com.geminihealth.intake.booking.BookingForm;
import com.geminihealth.intake.challenge.ProofOfWork;
import com.geminihealth.intake.challenge.Solved;
import com.geminihealth.intake.web.ClientAddresses;
import com.geminihealth.schemas.Topics;
import com.geminihealth.schemas.booking.BookAppointment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Attacks on one destination from many addresses: an inbox bombed through the contact
 * form, a number pumped with texts through bookings, a number abroad. The test
 * configuration allows {@value IntakeIntegrationTest#PER_DESTINATION} requests per
 * destination a day; every request comes from an address of its own, so only the
 * destination limit can stop them.
 */
@IntakeIntegrationTest
class DestinationLimitsIntegrationTest {

	static final int LIMIT = IntakeIntegrationTest.PER_DESTINATION;

	@Autowired
	MockMvc mvc;

	@Autowired
	KafkaTopics kafka;

	@Autowired
	ProofOfWork proofOfWork;

	@Autowired
	MeterRegistry meters;

	@Test
	void refusesTheInquiryThatWouldEmailAnAddressOnceTooOftenWith429AndPublishesNothing() throws Exception {
		String inbox = "flood-" + UUID.randomUUID() + "@example.com";
		for (int i = 0; i < LIMIT; i++) {
			inquire(inbox, "Flood " + i).andExpect(status().isAccepted());
		}
		double refusedBefore = refused("email-limit");

		// One inbox however the address is written.
		inquire(inbox.replace("@", "+again@").toUpperCase(), "Flood over").andExpect(status().isTooManyRequests())
			.andExpect(header().exists(HttpHeaders.RETRY_AFTER))
			.andExpect(jsonPath("$.type").value("https://geminihealth.com/problems/limit-reached"))
			.andExpect(jsonPath("$.errors[0].field").value("email"));

		assertThat(this.kafka.values(Topics.CONTACT_INQUIRIES))
			.filteredOn((inquiry) -> inquiry.message().startsWith("Flood") && inquiry.email().contains(inbox))
			.hasSize(LIMIT);
		assertThat(refused("email-limit")).isEqualTo(refusedBefore + 1);
	}

	@Test
	void marksTheEmailOnTheContactFormOnceTheAddressHasHadItsDay() throws Exception {
		String inbox = "form-flood-" + UUID.randomUUID() + "@example.com";
		for (int i = 0; i < LIMIT; i++) {
			inquire(inbox, "Flood " + i).andExpect(status().isAccepted());
		}

		this.mvc
			.perform(post("/contact").with(ClientAddresses.fresh())
				.with(Solved.challenge(this.proofOfWork))
				.with(csrf())
				.param("name", "Ina")
				.param("email", inbox)
				.param("message", "One more"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"email-error\"")))
			.andExpect(content().string(containsString("we have written to this address as often as we do in a day")));
	}

	@Test
	void refusesTheBookingThatWouldTextANumberOnceTooOftenFromAnyAddress() throws Exception {
		String number = uniqueNumber();
		for (int i = 0; i < LIMIT; i++) {
			book(uniqueEmail(), number, true, i).andExpect(status().isAccepted());
		}
		String over = "Over " + UUID.randomUUID();

		book(uniqueEmail(), number, true, LIMIT, over).andExpect(status().isTooManyRequests())
			.andExpect(jsonPath("$.errors[0].field").value("mobilePhone"))
			.andExpect(jsonPath("$.errors[0].message", containsString("we have texted this number")));
		// A number not texted is not counted.
		book(uniqueEmail(), number, false, LIMIT + 1).andExpect(status().isAccepted());

		assertThat(this.kafka.values(Topics.BOOKING_COMMANDS))
			.noneMatch((command) -> command instanceof BookAppointment book && book.patient().name().equals(over));
	}

	@Test
	void acceptsExactlyTheLimitOfSimultaneousBookingsThatWouldTextOneNumber() throws Exception {
		String number = uniqueNumber();
		int attempts = LIMIT * 4;
		ExecutorService clients = Executors.newFixedThreadPool(attempts);
		try {
			List<Future<Integer>> answers = new ArrayList<>();
			for (int i = 0; i < attempts; i++) {
				int n = i;
				answers.add(clients
					.submit(() -> book(uniqueEmail(), number, true, n).andReturn().getResponse().getStatus()));
			}
			List<Integer> statuses = new ArrayList<>();
			for (Future<Integer> answer : answers) {
				statuses.add(answer.get(30, TimeUnit.SECONDS));
			}

			assertThat(statuses).filteredOn((status) -> status == 202).hasSize(LIMIT);
			assertThat(statuses).filteredOn((status) -> status == 429).hasSize(attempts - LIMIT);
		}
		finally {
			clients.shutdownNow();
		}
	}

	@Test
	void refusesToTextANumberOutsideTheClinicsCountriesWith422() throws Exception {
		double refusedBefore = refused("text-country");

		book(uniqueEmail(), "+44 7911 123456", true, 0).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("mobilePhone"))
			.andExpect(jsonPath("$.errors[0].message",
					containsString("we text numbers in Canada and United States only")));
		book(uniqueEmail(), "+44 7911 123456", false, 0).andExpect(status().isAccepted());

		assertThat(refused("text-country")).isEqualTo(refusedBefore + 1);
	}

	@Test
	void marksTheMobilePhoneOnTheBookingFormForANumberWeDoNotText() throws Exception {
		this.mvc
			.perform(post("/book").with(ClientAddresses.fresh())
				.with(Solved.challenge(this.proofOfWork))
				.with(BookingForm.answeredNo())
				.with(csrf())
				.param("patientName", "Abroad " + UUID.randomUUID())
				.param("email", uniqueEmail())
				.param("mobilePhone", "+44 7911 123456")
				.param("smsConsent", "true")
				.param("location", "burlington")
				.param("service", "rmt-swedish-60")
				.param("practitioner", "maya-chen")
				.param("requestedStart", NextWeek.MONDAY.plusWeeks(4) + "T10:00"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"mobilePhone-error\"")))
			.andExpect(content().string(containsString("we text numbers in Canada and United States only")));
	}

	private ResultActions inquire(String email, String message) throws Exception {
		return this.mvc.perform(
				post("/api/inquiries").with(ClientAddresses.fresh()).contentType(MediaType.APPLICATION_JSON).content("""
						{"name": "Ina", "email": "%s", "message": "%s"}""".formatted(email, message)));
	}

	private ResultActions book(String email, String phone, boolean texts, int n) throws Exception {
		return book(email, phone, texts, n, "Pumped " + UUID.randomUUID());
	}

	/**
	 * A booking declined or confirmed, either way a text follows if the patient wants
	 * one.
	 */
	private ResultActions book(String email, String phone, boolean texts, int n, String name) throws Exception {
		return this.mvc.perform(post("/api/bookings").with(ClientAddresses.fresh())
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"patientName": "%s", "email": "%s", "mobilePhone": "%s", "smsConsent": %s,
					 "location": "hamilton", "service": "chiro-visit", "requestedStart": "%sT%02d:00"}"""
				.formatted(name, email, phone, texts, NextWeek.MONDAY.plusWeeks(5), 9 + n % 8)));
	}

	private double refused(String reason) {
		return this.meters.counter("intake.destination.refused", "reason", reason).count();
	}

	private static String uniqueEmail() {
		return "p-" + UUID.randomUUID() + "@example.com";
	}

	private static String uniqueNumber() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		return "+1 289 4%02d %04d".formatted(random.nextInt(100), random.nextInt(10000));
	}

}
