package com.geminihealth.dashboard.notification;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.stereotype.Component;

import com.geminihealth.dashboard.stream.EventDecoder;
import com.geminihealth.dashboard.stream.PipelineEvent;
import com.geminihealth.schemas.Topics;

/**
 * Puts a dead letter back on the topic it came from, byte for byte with its original
 * headers (the dead-letter ones left off), and waits for Kafka's acknowledgement.
 */
@Component
class Replay implements DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(Replay.class);

	private static final Duration ACK_TIMEOUT = Duration.ofSeconds(10);

	private final KafkaTemplate<byte[], byte[]> template;

	Replay(ProducerFactory<?, ?> bootProducerFactory) {
		Map<String, Object> config = new HashMap<>(bootProducerFactory.getConfigurationProperties());
		this.template = new KafkaTemplate<>(
				new DefaultKafkaProducerFactory<>(config, new ByteArraySerializer(), new ByteArraySerializer()));
	}

	void replay(PipelineEvent letter, String sourceTopic) {
		if (EventDecoder.isDeadLetterTopic(sourceTopic)
				|| Topics.ALL.stream().noneMatch((topic) -> topic.name().equals(sourceTopic))) {
			throw new IllegalArgumentException(sourceTopic + " is not a topic of the catalogue");
		}
		ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(sourceTopic, letter.raw().key(),
				letter.raw().value());
		for (Header header : letter.raw().headers()) {
			if (!header.key().startsWith("dlt_") && !header.key().startsWith("kafka_dlt")) {
				record.headers().add(header);
			}
		}
		try {
			this.template.send(record).get(ACK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while replaying " + letter.id(), ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("Kafka did not acknowledge the replay of " + letter.id(), ex);
		}
		logger.info("Replayed dead letter {} to {}", letter.id(), sourceTopic);
	}

	@Override
	public void destroy() {
		this.template.getProducerFactory().reset();
	}

}
