package com.geminihealth.intake.erasure;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

import com.geminihealth.intake.decider.DeciderProperties;
import com.geminihealth.intake.web.PhoneNumbers;
import com.geminihealth.platform.EventPublisher;
import com.geminihealth.platform.TopicReplay;
import com.geminihealth.schemas.ContractViolation;
import com.geminihealth.schemas.Topic;
import com.geminihealth.schemas.Topics;
import com.geminihealth.schemas.appointment.Appointment;
import com.geminihealth.schemas.appointment.AppointmentState;
import com.geminihealth.schemas.booking.AppointmentId;
import com.geminihealth.schemas.booking.Patient;
import com.geminihealth.schemas.inquiry.ContactInquiryReceived;
import com.geminihealth.schemas.inquiry.InquiryId;
import com.geminihealth.schemas.privacy.ErasureRequested;

/**
 * Erases a patient from the topics booking intake keeps for good, beyond what the decider
 * still holds in its stores: every inquiry they wrote gets a tombstone, and every
 * appointment the decider has pruned (ended longer ago than its horizon) whose latest
 * state still names them is published again with the patient anonymised, as the decider
 * does for those it holds. Erasures are rare, so each reads the compacted topics through
 * rather than keeping an index of who is where.
 */
@Component
class KeptRecordsErasure {

	private static final Logger logger = LoggerFactory.getLogger(KeptRecordsErasure.class);

	private final KafkaAdmin admin;

	private final EventPublisher publisher;

	private final DeciderProperties decider;

	private final Clock clock;

	KeptRecordsErasure(KafkaAdmin admin, EventPublisher publisher, DeciderProperties decider, Clock clock) {
		this.admin = admin;
		this.publisher = publisher;
		this.decider = decider;
		this.clock = clock;
	}

	@KafkaListener(id = "kept-records-erasure", groupId = "booking-intake-kept-records-erasure", topics = "erasures",
			properties = { "key.deserializer=org.apache.kafka.common.serialization.ByteArrayDeserializer",
					"value.deserializer=org.apache.kafka.common.serialization.ByteArrayDeserializer",
					"auto.offset.reset=earliest" })
	void onErasure(ConsumerRecord<byte[], byte[]> record) {
		ErasureRequested erasure;
		try {
			erasure = Topics.ERASURES.valueSerde()
				.deserializer()
				.deserialize(record.topic(), record.headers(), record.value());
		}
		catch (ContractViolation ex) {
			logger.warn("Skipped an unreadable erasure at {}-{}@{}", record.topic(), record.partition(),
					record.offset());
			return;
		}
		if (erasure != null) {
			int inquiries = eraseInquiries(erasure);
			int appointments = anonymiseAppointments(erasure);
			logger.info("Erasure {}: {} inquiries and {} appointment states erased", erasure.erasureId(), inquiries,
					appointments);
		}
	}

	private int eraseInquiries(ErasureRequested erasure) {
		Map<InquiryId, ContactInquiryReceived> latest = latest(new LinkedHashMap<>(), Topics.CONTACT_INQUIRIES);
		int erased = 0;
		for (Map.Entry<InquiryId, ContactInquiryReceived> inquiry : latest.entrySet()) {
			ContactInquiryReceived value = inquiry.getValue();
			if (value != null && names(erasure, value.email(), value.phone())) {
				this.publisher.publish(Topics.CONTACT_INQUIRIES, inquiry.getKey(), null);
				erased++;
			}
		}
		return erased;
	}

	private int anonymiseAppointments(ErasureRequested erasure) {
		Map<AppointmentId, AppointmentState> latest = latest(new LinkedHashMap<>(), Topics.APPOINTMENT_STATES);
		Instant prunedIfEndedBefore = this.clock.instant().minus(this.decider.retention().horizon());
		int erased = 0;
		for (AppointmentState state : latest.values()) {
			Patient patient = (state != null) ? state.appointment().patient() : null;
			if (patient != null && state.appointment().end().isBefore(prunedIfEndedBefore)
					&& names(erasure, patient.email(), patient.mobilePhone())) {
				Appointment a = state.appointment();
				Appointment anonymised = new Appointment(a.appointmentId(), a.location(), a.service(), a.practitioner(),
						a.practitionerName(), a.start(), a.end(), a.zone(), Patient.erased(patient), null,
						a.sequence());
				this.publisher.publish(Topics.APPOINTMENT_STATES, a.appointmentId(),
						new AppointmentState(anonymised, state.status(), state.changedAt()));
				erased++;
			}
		}
		return erased;
	}

	/**
	 * The topic as compaction leaves it: the latest value of each key, null if deleted.
	 */
	private <K, V> Map<K, V> latest(Map<K, V> into, Topic<K, V> topic) {
		TopicReplay.replay(this.admin.getConfigurationProperties(), topic,
				(record) -> into.put(record.key(), record.value()));
		return into;
	}

	private static boolean names(ErasureRequested erasure, String email, String phone) {
		boolean byEmail = erasure.email() != null && email != null
				&& email.toLowerCase(Locale.ROOT).equals(erasure.email().toLowerCase(Locale.ROOT));
		boolean byPhone = erasure.phone() != null && phone != null
				&& PhoneNumbers.toE164(phone).orElse(phone).equals(erasure.phone());
		return byEmail || byPhone;
	}

}
