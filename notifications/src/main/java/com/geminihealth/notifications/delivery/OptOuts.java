package com.geminihealth.notifications.delivery;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

import com.geminihealth.notifications.NotificationsKafkaConfiguration;
import com.geminihealth.platform.TopicReplay;
import com.geminihealth.schemas.Topics;
import com.geminihealth.schemas.patient.OptedIn;
import com.geminihealth.schemas.patient.OptedOut;
import com.geminihealth.schemas.patient.PatientContact;
import com.geminihealth.schemas.patient.PatientReply;
import com.geminihealth.schemas.reminder.Channel;

/**
 * Who opted out of which channel: the patient-reply stream read in full at start-up, then
 * followed live from where that reading stopped by every instance (each in its own
 * consumer group), so a STOP takes effect on the next message, even one sent while the
 * service was starting.
 */
@Component
public class OptOuts implements ConsumerSeekAware {

	private final Map<String, Set<Channel>> optedOut = new ConcurrentHashMap<>();

	private final Map<TopicPartition, Long> replayedUpTo;

	OptOuts(KafkaAdmin admin) {
		this.replayedUpTo = TopicReplay.replay(admin.getConfigurationProperties(), Topics.PATIENT_REPLIES,
				(record) -> apply(record.value()));
	}

	@Override
	public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
		assignments.keySet()
			.forEach((partition) -> callback.seek(partition.topic(), partition.partition(),
					this.replayedUpTo.getOrDefault(partition, 0L)));
	}

	public boolean optedOut(String contact, Channel channel) {
		return contact != null && this.optedOut.getOrDefault(contact, Set.of()).contains(channel);
	}

	@KafkaListener(id = "opt-outs", idIsGroup = false, groupId = "opt-outs-#{T(java.util.UUID).randomUUID()}",
			topics = "patient-replies", containerFactory = NotificationsKafkaConfiguration.PATIENT_REPLIES_FACTORY)
	void onReply(ConsumerRecord<PatientContact, PatientReply> record) {
		apply(record.value());
	}

	private void apply(PatientReply reply) {
		if (reply instanceof OptedOut out) {
			this.optedOut.computeIfAbsent(out.contact().value(), (key) -> ConcurrentHashMap.newKeySet())
				.add(out.channel());
		}
		else if (reply instanceof OptedIn in) {
			this.optedOut.getOrDefault(in.contact().value(), ConcurrentHashMap.newKeySet()).remove(in.channel());
		}
	}

}
