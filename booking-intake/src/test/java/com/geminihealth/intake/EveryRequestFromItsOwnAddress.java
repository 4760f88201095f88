package com.geminihealth.intake;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcBuilderCustomizer;
import org.springframework.test.web.servlet.setup.ConfigurableMockMvcBuilder;

import com.geminihealth.intake.web.ClientAddresses;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Every request of a test that does not say where it comes from comes from an address of
 * its own, so the per-address limits only count the requests of a test that is about
 * them.
 */
@TestComponent
class EveryRequestFromItsOwnAddress implements MockMvcBuilderCustomizer {

	@Override
	public void customize(ConfigurableMockMvcBuilder<?> builder) {
		builder.defaultRequest(get("/").with((request) -> {
			request.setRemoteAddr(ClientAddresses.next());
			return request;
		}));
	}

}
