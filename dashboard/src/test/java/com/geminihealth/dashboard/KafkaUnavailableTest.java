package com.geminihealth.dashboard;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.PostMapping;

import com.geminihealth.platform.EventPublisher;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A phone booking Kafka did not take answers 503 and "try again", not 500. */
class KafkaUnavailableTest {

	final MockMvc mvc = MockMvcBuilders.standaloneSetup(new BookingWhileKafkaIsDown())
		.setControllerAdvice(new KafkaUnavailable())
		.build();

	@Test
	void answersServiceUnavailableWithATimeToTryAgain() throws Exception {
		this.mvc.perform(post("/bookings/new"))
			.andExpect(status().isServiceUnavailable())
			.andExpect(header().string(HttpHeaders.RETRY_AFTER, "5"));
	}

	@Controller
	static class BookingWhileKafkaIsDown {

		@PostMapping("/bookings/new")
		String book() {
			throw new EventPublisher.NotAcknowledged("booking-commands", new IllegalStateException("timed out"));
		}

	}

}
