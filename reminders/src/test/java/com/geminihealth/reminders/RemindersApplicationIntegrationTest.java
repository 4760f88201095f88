package com.geminihealth.reminders;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import com.geminihealth.platform.test.ServiceHealthContract;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.config.name=" + RemindersApplication.CONFIG_NAME,
				"spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
				"logging.structured.format.console=" })
class RemindersApplicationIntegrationTest extends ServiceHealthContract {

	@Override
	protected String service() {
		return "reminders";
	}

}
