package com.geminihealth.notifications.delivery;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

import com.geminihealth.schemas.Topics;
import com.geminihealth.schemas.patient.OptedIn;
import com.geminihealth.schemas.patient.OptedOut;
import com.geminihealth.schemas.patient.PatientContact;
import com.geminihealth.schemas.patient.PatientReply;
import com.geminihealth.schemas.reminder.Channel;

/**
 * The latest STOP or START of each contact and channel, read straight from the patients'
 * replies: what a reply said the moment it was acknowledged, before the preferences'
 * writer (the reminders service, which may be restarting) has folded it in.
 */
@Component
class RecentOptOuts extends TopicTable<PatientContact, PatientReply> {

	/** A contact's last word on a channel, and when it arrived. */
	record Wish(boolean optedOut, Instant at) {
	}

	private final Map<String, Wish> wishes = new ConcurrentHashMap<>();

	RecentOptOuts(KafkaAdmin admin) {
		super(admin, Topics.PATIENT_REPLIES);
	}

	Optional<Wish> latest(String contact, Channel channel) {
		return Optional.ofNullable(this.wishes.get(key(contact, channel)));
	}

	/** Forgets an erased contact's replies. */
	void forget(String contact) {
		this.wishes.keySet().removeIf((key) -> key.startsWith(contact + " "));
	}

	@Override
	protected void apply(ConsumerRecord<PatientContact, PatientReply> record) {
		if (record.value() instanceof OptedOut out) {
			take(out.contact().value(), out.channel(), new Wish(true, out.receivedAt()));
		}
		else if (record.value() instanceof OptedIn in) {
			take(in.contact().value(), in.channel(), new Wish(false, in.receivedAt()));
		}
	}

	private void take(String contact, Channel channel, Wish wish) {
		this.wishes.merge(key(contact, channel), wish,
				(before, after) -> after.at().isBefore(before.at()) ? before : after);
	}

	private static String key(String contact, Channel channel) {
		return contact + " " + channel.name();
	}

}
