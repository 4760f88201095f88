package com.geminihealth.dashboard.booking;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Duration;
import java.util.List;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import com.geminihealth.dashboard.DashboardProperties;

/**
 * Open slots from booking-intake's public availability API, the same answer the booking
 * page shows patients. Over HTTP, because services talk to each other only through Kafka
 * and public APIs, never through each other's code.
 */
@Component
class OpenSlots {

	private final RestClient client;

	OpenSlots(DashboardProperties properties) {
		SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
		requests.setConnectTimeout(Duration.ofSeconds(2));
		requests.setReadTimeout(Duration.ofSeconds(5));
		this.client = RestClient.builder().baseUrl(properties.intakeUrl().toString()).requestFactory(requests).build();
	}

	/**
	 * The open slots that day; throws {@link RestClientException} when intake does not
	 * answer.
	 */
	List<Slot> on(String location, String service, String practitioner, LocalDate date) {
		return this.client.get()
			.uri((uri) -> uri.path("/api/availability")
				.queryParam("location", location)
				.queryParam("service", service)
				.queryParamIfPresent("practitioner",
						java.util.Optional.ofNullable(StringUtils.hasText(practitioner) ? practitioner : null))
				.queryParam("from", date)
				.queryParam("to", date)
				.build())
			.retrieve()
			.body(new ParameterizedTypeReference<List<Slot>>() {
			});
	}

	/** An open slot, in the location's local time. */
	record Slot(LocalDateTime start, LocalDateTime end, String practitioner, String practitionerName) {
	}

}
