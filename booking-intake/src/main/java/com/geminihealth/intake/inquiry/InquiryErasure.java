package com.geminihealth.intake.inquiry;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

import com.geminihealth.intake.web.PhoneNumbers;
import com.geminihealth.platform.EventPublisher;
import com.geminihealth.platform.TopicReplay;
import com.geminihealth.schemas.ContractViolation;
import com.geminihealth.schemas.Topics;
import com.geminihealth.schemas.inquiry.ContactInquiryReceived;
import com.geminihealth.schemas.inquiry.InquiryId;
import com.geminihealth.schemas.privacy.ErasureRequested;

/**
 * Erases a patient's inquiries: booking intake writes {@code contact-inquiries}, so it is
 * the one to write their tombstones. Erasures are rare and inquiries few, so each erasure
 * reads the compacted topic through rather than keeping an index of who wrote what.
 */
@Component
class InquiryErasure {

	private static final Logger logger = LoggerFactory.getLogger(InquiryErasure.class);

	private final KafkaAdmin admin;

	private final EventPublisher publisher;

	InquiryErasure(KafkaAdmin admin, EventPublisher publisher) {
		this.admin = admin;
		this.publisher = publisher;
	}

	@KafkaListener(id = "inquiry-erasure", groupId = "booking-intake-inquiry-erasure", topics = "erasures",
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
			erase(erasure);
		}
	}

	void erase(ErasureRequested erasure) {
		List<InquiryId> theirs = new ArrayList<>();
		TopicReplay.replay(this.admin.getConfigurationProperties(), Topics.CONTACT_INQUIRIES, (inquiry) -> {
			if (inquiry.value() != null && wroteBy(inquiry.value(), erasure)) {
				theirs.add(inquiry.key());
			}
			else if (inquiry.value() == null) {
				theirs.remove(inquiry.key());
			}
		});
		theirs.forEach((id) -> this.publisher.publish(Topics.CONTACT_INQUIRIES, id, null));
		logger.info("Erasure {}: {} inquiries erased", erasure.erasureId(), theirs.size());
	}

	private static boolean wroteBy(ContactInquiryReceived inquiry, ErasureRequested erasure) {
		boolean email = erasure.email() != null && inquiry.email() != null
				&& inquiry.email().toLowerCase(Locale.ROOT).equals(erasure.email().toLowerCase(Locale.ROOT));
		boolean phone = erasure.phone() != null && inquiry.phone() != null
				&& PhoneNumbers.toE164(inquiry.phone()).orElse(inquiry.phone()).equals(erasure.phone());
		return email || phone;
	}

}
