package com.geminihealth.dashboard.stream;

import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import com.geminihealth.dashboard.live.LiveUpdates;
import com.geminihealth.schemas.Topic;
import com.geminihealth.schemas.Topics;

/**
 * Follows every topic of the catalogue, dead letters included, and feeds each record to
 * every read model, then to the open pages. Each start reads from the beginning in a
 * consumer group of its own, so the read models are rebuilt on restart and each instance
 * of the dashboard holds all of them. An erasure is applied when it arrives and again
 * after any later record that names the patient.
 */
@Component
class PipelineStream {

	private final EventDecoder decoder;

	private final List<ReadModel> readModels;

	private final LiveUpdates live;

	private final MeterRegistry meters;

	private final Erasures erasures = new Erasures();

	PipelineStream(EventDecoder decoder, List<ReadModel> readModels, LiveUpdates live, MeterRegistry meters) {
		this.decoder = decoder;
		this.readModels = readModels;
		this.live = live;
		this.meters = meters;
	}

	private void apply(PipelineEvent event) {
		for (ReadModel readModel : this.readModels) {
			readModel.apply(event);
		}
	}

	/** Every topic of the catalogue, read when the listener starts. */
	public static String[] topicNames() {
		return Topics.ALL.stream().map(Topic::name).toArray(String[]::new);
	}

	@KafkaListener(id = "dashboard-read-models", idIsGroup = false,
			groupId = "dashboard-#{T(java.util.UUID).randomUUID()}",
			topics = "#{T(com.geminihealth.dashboard.stream.PipelineStream).topicNames()}",
			containerFactory = StreamConfiguration.FACTORY)
	void onRecord(ConsumerRecord<byte[], byte[]> record) {
		PipelineEvent event = this.decoder.decode(record);
		apply(event);
		ErasedPatient erased = ErasedPatient.of(event.value());
		if (erased != null) {
			this.erasures.add(erased, event);
		}
		else {
			this.erasures.naming(record.value()).forEach(this::apply);
		}
		this.meters.counter("dashboard.events", "type", event.type()).increment();
		this.live.publish(event);
	}

}
