package com.geminihealth.intake.web;

import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import com.geminihealth.platform.EventPublisher;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A page whose change Kafka did not take, or whose appointment's state is moving between
 * instances, answers 503 and "try again", not 500.
 */
class PagesUnavailableTest {

	final MockMvc mvc = MockMvcBuilders.standaloneSetup(new FailingPage())
		.setControllerAdvice(new PagesUnavailable())
		.build();

	@ParameterizedTest
	@ValueSource(strings = { "not-acknowledged", "state-moving" })
	void answersServiceUnavailableWithATimeToTryAgain(String fault) throws Exception {
		this.mvc.perform(post("/change").param("fault", fault))
			.andExpect(status().isServiceUnavailable())
			.andExpect(header().string(HttpHeaders.RETRY_AFTER, "5"));
	}

	@Controller
	static class FailingPage {

		@PostMapping("/change")
		String change(@RequestParam String fault) {
			if (fault.equals("state-moving")) {
				throw new InvalidStateStoreException("the instance owning this key cannot be reached");
			}
			throw new EventPublisher.NotAcknowledged("booking-commands", new IllegalStateException("timed out"));
		}

	}

}
