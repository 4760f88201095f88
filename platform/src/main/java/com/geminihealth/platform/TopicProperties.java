package com.geminihealth.platform;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the pipeline's topics are created: partitions bound how far a service scales out,
 * replication how many brokers may fail.
 *
 * @param partitions partitions per topic
 * @param replicationFactor copies of each partition
 */
@Validated
@ConfigurationProperties("pipeline.topics")
public record TopicProperties(@DefaultValue("3") @Min(1) int partitions,
		@DefaultValue("1") @Min(1) short replicationFactor) {
}
