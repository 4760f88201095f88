package com.geminihealth.intake.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The unsigned JSON API that submits and changes (bookings, inquiries, appointments) is
 * for the local run and trusted networks. Off, the pages and the signed integration
 * endpoint remain, and reading a status stays open.
 *
 * @param enabled whether the unsigned API accepts submissions
 */
@ConfigurationProperties("intake.public-api")
public record PublicApiProperties(@DefaultValue("true") boolean enabled) {
}
