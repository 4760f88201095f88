package com.geminihealth.intake;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import com.geminihealth.intake.web.ClientAddresses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What integrations and operators rely on besides the doors; health and metrics, on the
 * management port, are in {@link ManagementPortIntegrationTest}.
 */
@IntakeIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class OperationsIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Test
	void servesTheOpenApiDocument() throws Exception {
		this.mvc.perform(get("/v3/api-docs"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.paths['/api/bookings'].post").exists())
			.andExpect(jsonPath("$.paths['/api/inquiries'].post").exists())
			.andExpect(jsonPath("$.paths['/api/appointments/{appointmentId}/cancel'].post").exists())
			.andExpect(jsonPath("$.paths['/api/feedback/{appointmentId}'].get").exists())
			.andExpect(jsonPath("$.components.schemas.BookingRequest.properties.feedbackConsent.type").value("boolean"))
			.andExpect(jsonPath("$.paths['/integrations/booking-commands'].post").exists())
			.andExpect(jsonPath("$.paths['/api/bookings'].post.responses['415']").exists())
			.andExpect(jsonPath("$.paths['/api/availability'].get.responses['422']").exists())
			.andExpect(jsonPath("$.paths['/api/availability'].get.parameters[?(@.name == 'from')].required",
					contains(true)));
	}

	@Test
	void keepsPersonalDataOutOfTheLogs(CapturedOutput output) throws Exception {
		String email = "private." + UUID.randomUUID() + "@example.com";
		String json = """
				{"patientName": "Privacy Test", "email": "%s", "mobilePhone": "+1 905 555 0177",
				 "location": "burlington", "service": "chiro-visit", "requestedStart": "%s",
				 "notes": "herniated disc L4", "insurer": "Blue Cross", "memberNumber": "BC-99887766"}"""
			.formatted(email, NextWeek.TEN_AM);

		this.mvc
			.perform(post("/api/bookings").with(ClientAddresses.fresh())
				.contentType(MediaType.APPLICATION_JSON)
				.content(json))
			.andExpect(status().isAccepted());
		this.mvc
			.perform(post("/api/bookings").with(ClientAddresses.fresh())
				.contentType(MediaType.APPLICATION_JSON)
				.content(json.replace("chiro-visit", "unknown")))
			.andExpect(status().isUnprocessableContent());

		assertThat(output.getAll()).doesNotContain(email)
			.doesNotContain("9055550177")
			.doesNotContain("herniated")
			.doesNotContain("BC-99887766");
	}

}
