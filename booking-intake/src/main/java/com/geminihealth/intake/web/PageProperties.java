package com.geminihealth.intake.web;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The public pages' settings.
 *
 * @param secret signs what the pages hand a browser to bring back; every instance needs
 * the same one. Unset, each instance makes its own at start, which is right for one
 * instance only
 */
@ConfigurationProperties("intake.pages")
public record PageProperties(String secret) {
}
