package com.geminihealth.notifications.delivery;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

import com.geminihealth.schemas.Topics;
import com.geminihealth.schemas.patient.PatientContact;
import com.geminihealth.schemas.patient.PatientPreferences;
import com.geminihealth.schemas.reminder.Channel;

/**
 * Who opted out of which channel: each contact's current preferences, from the compacted
 * preferences topic, which their one writer folds from the patients' replies and keeps
 * for good. Every instance reads all of it and follows it live, so a STOP of any age
 * holds across restarts, and a new one reaches the next message on every instance. A STOP
 * or START newer than the contact's preferences (not folded in yet, as when their writer
 * is restarting) counts as well: it holds from the moment it was acknowledged.
 */
@Component
public class OptOuts extends TopicTable<PatientContact, PatientPreferences> {

	private final Map<String, PatientPreferences> preferences = new ConcurrentHashMap<>();

	private final RecentOptOuts recent;

	OptOuts(KafkaAdmin admin, RecentOptOuts recent) {
		super(admin, Topics.PATIENT_PREFERENCES);
		this.recent = recent;
	}

	public boolean optedOut(String contact, Channel channel) {
		if (contact == null) {
			return false;
		}
		PatientPreferences wanted = this.preferences.get(contact);
		Optional<RecentOptOuts.Wish> newer = this.recent.latest(contact, channel)
			.filter((wish) -> wanted == null || wish.at().isAfter(wanted.updatedAt()));
		if (newer.isPresent()) {
			return newer.get().optedOut();
		}
		return wanted != null && wanted.optedOut(channel);
	}

	@Override
	protected void apply(ConsumerRecord<PatientContact, PatientPreferences> record) {
		if (record.key() == null) {
			return;
		}
		if (record.value() == null) {
			// A tombstone: the contact was erased.
			this.preferences.remove(record.key().value());
			this.recent.forget(record.key().value());
		}
		else {
			this.preferences.put(record.key().value(), record.value());
		}
	}

}
