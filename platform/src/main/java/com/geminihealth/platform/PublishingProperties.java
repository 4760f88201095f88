package com.geminihealth.platform;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How long a caller of {@link EventPublisher#publish} waits for Kafka. The producer's own
 * timeouts are derived from it ({@link PublishTimeouts}), so they cannot drift apart.
 *
 * @param ackTimeout the longest {@link EventPublisher#publish} takes, from the call to
 * its answer; an HTTP door's 503 comes after it
 */
@Validated
@ConfigurationProperties("pipeline.publishing")
public record PublishingProperties(@DefaultValue("10s") Duration ackTimeout) {

}
