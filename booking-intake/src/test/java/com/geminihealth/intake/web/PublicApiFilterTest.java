package com.geminihealth.intake.web;

import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.http.HttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The unsigned JSON API turned off (as the compose deployment does): its submissions are
 * answered 404 before any handler sees them; pages, the signed endpoint and status reads
 * are untouched.
 */
class PublicApiFilterTest {

	final Doors doors = new Doors();

	@ParameterizedTest
	@ValueSource(strings = { "/api/bookings", "/api/inquiries", "/api/appointments/3f2b8c1e/cancel",
			"/api/appointments/3f2b8c1e/reschedule" })
	void refusesEverySubmissionToTheUnsignedApiWhenItIsOff(String path) throws Exception {
		mvc(false).perform(post(path).contentType(MediaType.APPLICATION_JSON).content("{}"))
			.andExpect(status().isNotFound())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value(
					"this service takes no unsigned submissions; use the booking pages or the signed integration endpoint"));

		assertThat(this.doors.reached).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "/book", "/contact", "/integrations/booking-commands", "/twilio/inbound" })
	void leavesThePagesTheSignedEndpointAndTheWebhooksOpen(String path) throws Exception {
		mvc(false).perform(post(path)).andExpect(status().isOk());

		assertThat(this.doors.reached).containsExactly("POST " + path);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/api/bookings/3f2b8c1e", "/api/availability" })
	void leavesReadingOpen(String path) throws Exception {
		mvc(false).perform(get(path)).andExpect(status().isOk());
	}

	@ParameterizedTest
	@ValueSource(strings = { "/api/bookings", "/api/inquiries", "/api/appointments/3f2b8c1e/cancel" })
	void acceptsSubmissionsWhenItIsOnAsInTheLocalRun(String path) throws Exception {
		mvc(true).perform(post(path).contentType(MediaType.APPLICATION_JSON).content("{}")).andExpect(status().isOk());

		assertThat(this.doors.reached).containsExactly("POST " + path);
	}

	private MockMvc mvc(boolean enabled) {
		return MockMvcBuilders.standaloneSetup(this.doors)
			.addFilters(new PublicApiFilter(new PublicApiProperties(enabled), new SimpleMeterRegistry()))
			.build();
	}

	/** Every door, answering 200 and noting that it was reached. */
	@RestController
	static class Doors {

		final List<String> reached = new ArrayList<>();

		@PostMapping({ "/api/bookings", "/api/inquiries", "/api/appointments/{id}/{change}", "/book", "/contact",
				"/integrations/booking-commands", "/twilio/inbound" })
		void submit(HttpServletRequest request) {
			this.reached.add(request.getMethod() + " " + request.getRequestURI());
		}

		@GetMapping({ "/api/bookings/{id}", "/api/availability" })
		void read(HttpServletRequest request) {
			this.reached.add(request.getMethod() + " " + request.getRequestURI());
		}

	}

}
