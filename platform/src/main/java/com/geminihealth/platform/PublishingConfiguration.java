package com.geminihealth.platform;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.support.serializer.DelegatingByTopicSerializer;

import com.geminihealth.schemas.Topic;
import com.geminihealth.schemas.Topics;

/**
 * One producer for every topic of the catalogue: keys and values are serialized by the
 * serdes the catalogue names for the record's topic.
 */
@Configuration(proxyBeanMethods = false)
class PublishingConfiguration {

	@Bean
	@ConditionalOnMissingBean
	EventPublisher eventPublisher(ProducerFactory<?, ?> bootProducerFactory) {
		Map<String, Object> config = bootProducerFactory.getConfigurationProperties();
		DefaultKafkaProducerFactory<Object, Object> factory = new DefaultKafkaProducerFactory<>(config,
				byTopic(Topic::keySerde), byTopic(Topic::valueSerde));
		return new EventPublisher(new KafkaTemplate<>(factory), Duration.ofSeconds(10));
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
