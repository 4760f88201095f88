package com.geminihealth.platform;

import java.util.Properties;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.streams.StreamsConfig;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.actuate.autoconfigure.web.server.ConditionalOnManagementPort;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.config.StreamsBuilderFactoryBeanConfigurer;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * What every service of the pipeline shares: the topics of the catalogue declared
 * (brokers never auto-create them), health for the Kafka connection and the Streams
 * state, Streams services that hand over their work when they stop, replace a thread a
 * transient failure killed and otherwise report themselves down, and operations endpoints
 * kept off the public port.
 */
@AutoConfiguration(after = KafkaAutoConfiguration.class)
@EnableConfigurationProperties(TopicProperties.class)
@Import(PublishingConfiguration.class)
public class PlatformAutoConfiguration {

	@Bean
	KafkaAdmin.NewTopics pipelineTopics(TopicProperties properties) {
		// Where an operator creates the topics (a secured cluster), the service declares
		// none: it may not create them, nor change their settings.
		return new KafkaAdmin.NewTopics(properties.declare()
				? CatalogueProvisioning.newTopics(properties).toArray(NewTopic[]::new) : new NewTopic[0]);
	}

	/**
	 * A topic that exists already (the local run's broker keeps its data) gets the
	 * catalogue's settings too: they carry meaning, such as whose clock stamps commands.
	 */
	@Bean
	static BeanPostProcessor catalogueSettingsApplyToExistingTopics() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessBeforeInitialization(Object bean, String name) {
				if (bean instanceof KafkaAdmin admin) {
					admin.setModifyTopicConfigs(true);
				}
				return bean;
			}
		};
	}

	@Bean
	KafkaClusterHealthIndicator kafkaHealthIndicator(KafkaAdmin kafkaAdmin) {
		return new KafkaClusterHealthIndicator(kafkaAdmin);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.apache.kafka.streams.KafkaStreams")
	static class StreamsShutdownConfiguration {

		/**
		 * A Kafka Streams service that shuts down leaves its consumer group, so that
		 * another instance takes over its tasks at once: without it, decisions and
		 * reminders for the instance's partitions wait out the session timeout at every
		 * restart.
		 */
		@Bean
		StreamsBuilderFactoryBeanConfigurer leaveGroupOnClose() {
			return (streams) -> streams.setLeaveGroupOnClose(true);
		}

		/**
		 * A stream thread that dies of a transient failure is replaced; any other failure
		 * shuts the client down, loudly ({@link StreamThreadRecovery}). A record that
		 * cannot be written fails its transaction rather than being dropped
		 * ({@link RetryOrFailProductionExceptionHandler}), unless a service chose its own
		 * handler in its configuration.
		 */
		@Bean
		StreamsBuilderFactoryBeanConfigurer healOrReportDown(ObjectProvider<MeterRegistry> registry) {
			return (streams) -> {
				MeterRegistry meters = registry.getIfAvailable(SimpleMeterRegistry::new);
				Properties configuration = streams.getStreamsConfiguration();
				String applicationId = (configuration != null)
						? configuration.getProperty(StreamsConfig.APPLICATION_ID_CONFIG) : null;
				if (configuration != null) {
					configuration.putIfAbsent(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG,
							RetryOrFailProductionExceptionHandler.class.getName());
					streams.setStreamsConfiguration(configuration);
				}
				streams.setStreamsUncaughtExceptionHandler(
						new StreamThreadRecovery(String.valueOf(applicationId), meters));
				Gauge
					.builder("pipeline.streams.alive", streams,
							(client) -> KafkaStreamsHealthIndicator.alive(client) ? 1 : 0)
					.description(
							"1 while the Kafka Streams client processes or is about to, 0 once it has stopped or failed")
					.tag("application.id", String.valueOf(applicationId))
					.register(meters);
			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.apache.kafka.streams.KafkaStreams")
	static class StreamsHealthConfiguration {

		/**
		 * On every service, with or without Kafka Streams, because the liveness group
		 * names it ({@code pipeline-management.yml}).
		 */
		@Bean
		KafkaStreamsHealthIndicator kafkaStreamsHealthIndicator(ObjectProvider<StreamsBuilderFactoryBean> streams) {
			return new KafkaStreamsHealthIndicator(streams);
		}

	}

	/**
	 * Refuses to start a service whose operations endpoints would answer on its public
	 * port, where anyone could read its metrics and health details (see
	 * {@code pipeline-management.yml}).
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication
	@ConditionalOnManagementPort(ManagementPortType.SAME)
	static class OperationsOnThePublicPort {

		OperationsOnThePublicPort() {
			throw new IllegalStateException("Operations endpoints would answer on the public port: set "
					+ "management.server.port (MANAGEMENT_SERVER_PORT) to a port of their own, which the "
					+ "deployment does not publish, or to -1 to turn them off");
		}

	}

}
