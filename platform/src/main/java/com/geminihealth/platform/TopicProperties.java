package com.geminihealth.platform;

import java.time.Duration;
import java.util.Map;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the pipeline's topics are created: partitions bound how far a service scales out,
 * replication how many brokers may fail, and the retention of a bounded stream may differ
 * from the catalogue's (a compacted topic keeps its records for good whatever is set).
 *
 * @param partitions partitions per topic
 * @param replicationFactor copies of each partition
 * @param retention retention per topic name, overriding the catalogue's for topics that
 * delete old records
 * @param declare whether the service creates the topics and applies their settings when
 * it starts; false on a secured cluster, where services may not, and an operator does it
 * ({@link CatalogueProvisioning})
 */
@Validated
@ConfigurationProperties("pipeline.topics")
public record TopicProperties(@DefaultValue("3") @Min(1) int partitions,
		@DefaultValue("1") @Min(1) short replicationFactor, Map<String, Duration> retention,
		@DefaultValue("true") boolean declare) {

	public TopicProperties {
		retention = (retention != null) ? Map.copyOf(retention) : Map.of();
	}

}
