package com.geminihealth.dashboard.stream;

import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;

import com.geminihealth.dashboard.CatalogueNames;
import com.geminihealth.dashboard.DashboardProperties;
import com.geminihealth.schemas.Topics;

/**
 * One consumer reads every topic of the catalogue as bytes, from the beginning, committed
 * records only; decoding happens in {@link EventDecoder} with the catalogue's serdes, so
 * an unreadable record shows up as such instead of stopping the dashboard.
 */
@Configuration(proxyBeanMethods = false)
public class StreamConfiguration {

	public static final String FACTORY = "pipelineListenerFactory";

	@Bean
	EventDecoder eventDecoder(DashboardProperties properties, CatalogueNames names) {
		return new EventDecoder(properties.zone(), Topics.ALL, names::serviceName, names::practitionerName);
	}

	@Bean(FACTORY)
	ConcurrentKafkaListenerContainerFactory<byte[], byte[]> pipelineListenerFactory(
			ConsumerFactory<?, ?> bootConsumerFactory) {
		Map<String, Object> config = new HashMap<>(bootConsumerFactory.getConfigurationProperties());
		config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		ConcurrentKafkaListenerContainerFactory<byte[], byte[]> factory = new ConcurrentKafkaListenerContainerFactory<>();
		factory.setConsumerFactory(
				new DefaultKafkaConsumerFactory<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer()));
		factory.getContainerProperties().setPollTimeout(250);
		return factory;
	}

}
