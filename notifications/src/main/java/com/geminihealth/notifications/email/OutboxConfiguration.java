package com.geminihealth.notifications.email;

import java.nio.file.Path;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;

/** Without an SMTP server configured, emails go to the outbox folder. */
@Configuration(proxyBeanMethods = false)
class OutboxConfiguration {

	@Bean
	@ConditionalOnExpression("'${spring.mail.host:}'.isEmpty()")
	@ConditionalOnProperty("notifications.messages.outbox-dir")
	JavaMailSender outboxMailSender(@Value("${notifications.messages.outbox-dir}") Path outbox) {
		return new OutboxMailSender(outbox);
	}

}
