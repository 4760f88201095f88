package com.geminihealth.intake.booking;

import java.time.Duration;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import com.geminihealth.intake.web.ClientAddresses;
import com.geminihealth.schemas.booking.AppointmentId;

import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Bookings made through the JSON API, as an integration makes them. */
public final class ApiBookings {

	private ApiBookings() {
	}

	/**
	 * Sends the booking request {@code json}, each from a client address of its own, and
	 * waits for the decider to confirm it; returns the appointment.
	 */
	public static AppointmentId confirmed(MockMvc mvc, String json) throws Exception {
		String statusUrl = mvc
			.perform(post("/api/bookings").with(ClientAddresses.fresh())
				.contentType(MediaType.APPLICATION_JSON)
				.content(json))
			.andExpect(status().isAccepted())
			.andReturn()
			.getResponse()
			.getHeader(HttpHeaders.LOCATION);
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> mvc.perform(get(statusUrl)).andExpect(jsonPath("$.status").value("CONFIRMED")));
		return AppointmentId.of(statusUrl.substring(statusUrl.lastIndexOf('/') + 1));
	}

}
