package com.geminihealth.notifications.email;

import java.nio.file.Path;
import java.util.Properties;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.mail.autoconfigure.MailProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * Emails go to the SMTP server in {@code spring.mail.*} (host, port, credentials,
 * protocol, encoding and Jakarta Mail properties, such as
 * {@code mail.smtp.starttls.required} for TLS), over connections kept open; without one,
 * to the outbox folder.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MailProperties.class)
class MailSenderConfiguration {

	@Bean
	@ConditionalOnProperty("spring.mail.host")
	JavaMailSender smtpMailSender(MailProperties mail) {
		SmtpMailSender sender = new SmtpMailSender();
		sender.setHost(mail.getHost());
		if (mail.getPort() != null) {
			sender.setPort(mail.getPort());
		}
		sender.setUsername(mail.getUsername());
		sender.setPassword(mail.getPassword());
		sender.setProtocol(mail.getProtocol());
		if (mail.getDefaultEncoding() != null) {
			sender.setDefaultEncoding(mail.getDefaultEncoding().name());
		}
		Properties properties = new Properties();
		properties.putAll(mail.getProperties());
		sender.setJavaMailProperties(properties);
		return sender;
	}

	@Bean
	@ConditionalOnExpression("'${spring.mail.host:}'.isEmpty()")
	@ConditionalOnProperty("notifications.messages.outbox-dir")
	JavaMailSender outboxMailSender(@Value("${notifications.messages.outbox-dir}") Path outbox) {
		return new OutboxMailSender(outbox);
	}

}
