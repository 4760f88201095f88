package com.geminihealth.notifications.sms;

import java.nio.file.Path;

import com.twilio.http.TwilioRestClient;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Twilio when an account is configured; the sandbox folder otherwise. */
@Configuration(proxyBeanMethods = false)
class SmsConfiguration {

	@Bean
	SmsGateway smsGateway(SmsProperties properties, @Value("${pipeline.data-dir:${java.io.tmpdir}}") Path dataDir) {
		if (!properties.configured()) {
			return new SandboxSmsGateway(
					(properties.sandboxDir() != null) ? properties.sandboxDir() : dataDir.resolve("sms-sandbox"));
		}
		TwilioRestClient client = new TwilioRestClient.Builder(properties.accountSid(), properties.authToken())
			.httpClient((properties.apiBaseUrl() != null)
					? new RedirectingHttpClient(properties.apiBaseUrl(), properties.responseTimeout())
					: new SingleTryHttpClient(properties.responseTimeout()))
			.build();
		// Paced by SmsTurns, before the quiet-hours check, not here.
		return new TwilioSmsGateway(client, properties);
	}

}
