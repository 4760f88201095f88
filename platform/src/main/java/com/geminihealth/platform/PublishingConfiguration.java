package com.geminihealth.platform;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.support.LoggingProducerListener;
import org.springframework.kafka.support.serializer.DelegatingByTopicSerializer;

import com.geminihealth.schemas.Topic;
import com.geminihealth.schemas.Topics;

/**
 * One producer for every topic of the catalogue: keys and values are serialized by the
 * serdes the catalogue names for the record's topic.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PublishingProperties.class)
class PublishingConfiguration {

	@Bean
	@ConditionalOnMissingBean
	EventPublisher eventPublisher(ProducerFactory<?, ?> bootProducerFactory, PublishingProperties properties) {
		Map<String, Object> config = new HashMap<>(bootProducerFactory.getConfigurationProperties());
		// Refuses to start when the producer would outlast its caller's wait.
		PublishTimeouts timeouts = PublishTimeouts.derive(properties.ackTimeout(), config);
		config.putAll(timeouts.producerSettings());
		DefaultKafkaProducerFactory<Object, Object> factory = new DefaultKafkaProducerFactory<>(config,
				byTopic(Topic::keySerde), byTopic(Topic::valueSerde));
		KafkaTemplate<Object, Object> template = new KafkaTemplate<>(factory);
		// A failed send is logged with its topic and error, never with its record: events
		// carry patients' names, numbers and addresses.
		LoggingProducerListener<Object, Object> failures = new LoggingProducerListener<>();
		failures.setIncludeContents(false);
		template.setProducerListener(failures);
		return new EventPublisher(template, timeouts.callerWait());
	}

	private static DelegatingByTopicSerializer byTopic(Function<Topic<?, ?>, Serde<?>> serde) {
		Map<Pattern, Serializer<?>> serializers = new LinkedHashMap<>();
		for (Topic<?, ?> topic : Topics.ALL) {
			serializers.put(Pattern.compile(Pattern.quote(topic.name())), serde.apply(topic).serializer());
		}
		return new DelegatingByTopicSerializer(serializers, (topic, data) -> {
			throw new IllegalArgumentException(topic + " is not a topic of the catalogue");
		});
	}

}
