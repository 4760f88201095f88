package com.geminihealth.platform;

import java.util.Collection;
import java.util.Map;

import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.test.util.ReflectionTestUtils;

import com.geminihealth.schemas.Topics;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A service declares the catalogue's topics, unless an operator creates them (a secured
 * cluster), where it may not and declares none.
 */
class TopicDeclarationTest {

	@Test
	void declaresEveryTopicOfTheCatalogueByDefault() {
		assertThat(declared(new TopicProperties(3, (short) 1, Map.of(), true))).hasSize(Topics.ALL.size());
	}

	@Test
	void declaresNoneWhereAnOperatorCreatesThem() {
		assertThat(declared(new TopicProperties(3, (short) 1, Map.of(), false))).isEmpty();
	}

	@SuppressWarnings("unchecked")
	private static Collection<NewTopic> declared(TopicProperties properties) {
		KafkaAdmin.NewTopics topics = new PlatformAutoConfiguration().pipelineTopics(properties);
		return (Collection<NewTopic>) ReflectionTestUtils.getField(topics, "newTopics");
	}

}
