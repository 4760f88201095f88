package com.geminihealth.notifications.delivery;

import java.util.Map;
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
 * holds across restarts, and a new one reaches the next message on every instance.
 * Patient replies themselves are no longer read here: the preferences say what they
 * changed, and the replies age out.
 */
@Component
public class OptOuts extends TopicTable<PatientContact, PatientPreferences> {

	private final Map<String, PatientPreferences> preferences = new ConcurrentHashMap<>();

	OptOuts(KafkaAdmin admin) {
		super(admin, Topics.PATIENT_PREFERENCES);
	}

	public boolean optedOut(String contact, Channel channel) {
		PatientPreferences wanted = (contact != null) ? this.preferences.get(contact) : null;
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
		}
		else {
			this.preferences.put(record.key().value(), record.value());
		}
	}

}
