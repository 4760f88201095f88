package com.geminihealth.intake.web;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.geminihealth.intake.IntakeIntegrationTest;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The per-address limit counts the client's address: the socket's peer, or what a trusted
 * proxy says it forwarded for, never what any caller writes in a header. The test
 * configuration trusts {@value IntakeIntegrationTest#TRUSTED_PROXIES}; the limit is 5
 * submissions a minute.
 */
@IntakeIntegrationTest
class ClientAddressIntegrationTest {

	static final String PROXY = "192.0.2.10";

	static final String INNER_PROXY = "192.0.2.20";

	static final String INVALID = "{\"patientName\": \"\"}";

	@Autowired
	MockMvc mvc;

	@Test
	void ignoresAForgedForwardedForFromAnUntrustedPeerSoItsLimitStillApplies() throws Exception {
		RequestPostProcessor attacker = ClientAddresses.fresh();
		for (int i = 0; i < 5; i++) {
			this.mvc.perform(submission(attacker).header("X-Forwarded-For", ClientAddresses.next()))
				.andExpect(status().isUnprocessableContent());
		}

		this.mvc.perform(submission(attacker).header("X-Forwarded-For", ClientAddresses.next()))
			.andExpect(status().isTooManyRequests());
	}

	@Test
	void countsTheClientATrustedProxyForwardsFor() throws Exception {
		for (int i = 0; i < 6; i++) {
			this.mvc.perform(submission(ClientAddresses.from(PROXY)).header("X-Forwarded-For", ClientAddresses.next()))
				.andExpect(status().isUnprocessableContent());
		}
		String client = ClientAddresses.next();
		for (int i = 0; i < 5; i++) {
			this.mvc.perform(submission(ClientAddresses.from(PROXY)).header("X-Forwarded-For", client))
				.andExpect(status().isUnprocessableContent());
		}

		this.mvc.perform(submission(ClientAddresses.from(PROXY)).header("X-Forwarded-For", client))
			.andExpect(status().isTooManyRequests());
	}

	@Test
	void readsTheChainFromTheRightSoWhatTheClientPrependedIsIgnored() throws Exception {
		String client = ClientAddresses.next();
		for (int i = 0; i < 5; i++) {
			String forged = ClientAddresses.next();
			this.mvc.perform(submission(ClientAddresses.from(PROXY)).header("X-Forwarded-For",
					forged + ", " + client + ", " + INNER_PROXY))
				.andExpect(status().isUnprocessableContent());
		}

		this.mvc
			.perform(submission(ClientAddresses.from(PROXY)).header("X-Forwarded-For",
					ClientAddresses.next() + ", " + client + ", " + INNER_PROXY))
			.andExpect(status().isTooManyRequests());
	}

	@Test
	void countsTheProxyItselfWhenWhatItForwardsIsNotAnAddress() throws Exception {
		String proxy = "192.0.2.30";
		for (int i = 0; i < 5; i++) {
			this.mvc.perform(submission(ClientAddresses.from(proxy)).header("X-Forwarded-For", "localhost, unknown"))
				.andExpect(status().isUnprocessableContent());
		}

		this.mvc.perform(submission(ClientAddresses.from(proxy)).header("X-Forwarded-For", "evil.example"))
			.andExpect(status().isTooManyRequests());
	}

	private static MockHttpServletRequestBuilder submission(RequestPostProcessor peer) {
		return post("/api/bookings").with(peer).contentType(MediaType.APPLICATION_JSON).content(INVALID);
	}

}
