package com.geminihealth.intake.decider;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.core.CleanupConfig;
import org.springframework.test.web.servlet.MockMvc;

import com.geminihealth.intake.IntakeIntegrationTest;
import com.geminihealth.intake.NextWeek;
import com.geminihealth.intake.web.ClientAddresses;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Requests through the API, decided by the decider on the broker, read back from its
 * state.
 */
@IntakeIntegrationTest
class DeciderIntegrationTest {

	static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	MockMvc mvc;

	@Autowired
	StreamsBuilderFactoryBean decider;

	@Test
	void confirmsThenDeclinesTheSameSlotAndTheStatusUrlSaysSo() throws Exception {
		String start = NextWeek.MONDAY + "T11:00";

		JsonNode first = decided(book("maya-chen", start));
		JsonNode second = decided(book("maya-chen", start));

		assertThat(first.get("status").asString()).isEqualTo("CONFIRMED");
		assertThat(first.at("/appointment/practitionerName").asString()).isEqualTo("Maya Chen");
		assertThat(first.at("/appointment/start").asString()).isEqualTo(start + ":00");
		assertThat(second.get("status").asString()).isEqualTo("DECLINED");
		assertThat(second.get("reason").asString()).isEqualTo("SLOT_TAKEN");
		assertThat(second.get("alternatives")).hasSize(3);
	}

	@Test
	void offersOnlyOpenSlotsAsAvailability() throws Exception {
		decided(book("maya-chen", NextWeek.MONDAY + "T14:00"));

		this.mvc
			.perform(get("/api/availability").param("location", "burlington")
				.param("service", "rmt-swedish-60")
				.param("practitioner", "maya-chen")
				.param("from", NextWeek.MONDAY.toString())
				.param("to", NextWeek.MONDAY.toString()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].start", hasItem(NextWeek.MONDAY + "T09:00:00")))
			.andExpect(jsonPath("$[*].start", hasItem(NextWeek.MONDAY + "T16:00:00")))
			.andExpect(jsonPath("$[*].start", not(hasItem(NextWeek.MONDAY + "T14:00:00"))))
			.andExpect(jsonPath("$[*].start", not(hasItem(NextWeek.MONDAY + "T13:30:00"))));
	}

	@Test
	void rejectsAnAvailabilityQueryForAnUnknownServiceOrTooLongARange() throws Exception {
		this.mvc
			.perform(get("/api/availability").param("location", "burlington")
				.param("service", "reiki")
				.param("from", NextWeek.MONDAY.toString())
				.param("to", NextWeek.MONDAY.plusDays(60).toString()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[*].field", hasItem("service")))
			.andExpect(jsonPath("$.errors[*].field", hasItem("to")));
	}

	@Test
	void namesEveryMissingAvailabilityParameterInOneAnswer() throws Exception {
		this.mvc.perform(get("/api/availability").param("location", "burlington"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("service", "from", "to")))
			.andExpect(jsonPath("$.errors[0].message").value("is required"));
	}

	@Test
	void keepsItsCalendarWhenItsStateIsWipedAndRestoredFromTheChangelog() throws Exception {
		// A day no other test books.
		String start = NextWeek.MONDAY.plusWeeks(2) + "T10:00";
		assertThat(decided(book("maya-chen", start)).get("status").asString()).isEqualTo("CONFIRMED");

		this.decider.stop();
		this.decider.setCleanupConfig(new CleanupConfig(true, false));
		try {
			this.decider.start();
		}
		finally {
			this.decider.setCleanupConfig(new CleanupConfig());
		}

		JsonNode again = decided(book("maya-chen", start));
		assertThat(again.get("status").asString()).isEqualTo("DECLINED");
		assertThat(again.get("reason").asString()).isEqualTo("SLOT_TAKEN");
	}

	@Test
	void answersPendingForARequestNotYetDecided() throws Exception {
		decided(book("maya-chen", NextWeek.MONDAY + "T09:00"));

		this.mvc.perform(get("/api/bookings/{id}", UUID.randomUUID()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("PENDING"));
	}

	private String book(String practitioner, String start) throws Exception {
		String json = """
				{"patientName": "Decider %s", "email": "d@example.com", "location": "burlington",
				 "service": "rmt-swedish-60", "practitioner": "%s", "requestedStart": "%s"}"""
			.formatted(UUID.randomUUID(), practitioner, start);
		String answer = this.mvc
			.perform(post("/api/bookings").with(ClientAddresses.fresh())
				.contentType(MediaType.APPLICATION_JSON)
				.content(json))
			.andExpect(status().isAccepted())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return JSON.readTree(answer).get("statusUrl").asString();
	}

	/** Polls the status URL until the decider has answered (503 while it starts up). */
	private JsonNode decided(String statusUrl) {
		return await().atMost(Duration.ofSeconds(30)).until(() -> {
			var response = this.mvc.perform(get(statusUrl)).andReturn().getResponse();
			return (response.getStatus() == 200) ? JSON.readTree(response.getContentAsString()) : null;
		}, (status) -> status != null && !"PENDING".equals(status.get("status").asString()));
	}

}
