package com.geminihealth.notifications;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.geminihealth.platform.clinic.ClinicProperties;

/**
 * What messages say about the clinic, from the one clinic catalogue the decider and the
 * dashboard read too: a location renamed or added there reaches every email and text with
 * no second list to change here.
 */
@Configuration(proxyBeanMethods = false)
class MessagesConfiguration {

	@Bean
	MessageProperties messageProperties(MessageSettings settings, ClinicProperties clinic) {
		Map<String, MessageProperties.Location> locations = new LinkedHashMap<>();
		clinic.locations()
			.forEach((id, location) -> locations.put(id,
					new MessageProperties.Location(location.name(), location.address(), location.shortName())));
		return new MessageProperties(settings.from(), clinic.name(), clinic.phoneForReading(), settings.bookingUrl(),
				settings.manageUrl(), settings.offerUrl(), settings.feedbackUrl(), locations);
	}

}
