package com.geminihealth.intake.inquiry;

import java.time.Clock;
import java.time.Instant;

import org.springframework.stereotype.Service;
import org.springframework.util.StringUtils;

import com.geminihealth.intake.destination.Destination;
import com.geminihealth.intake.destination.DestinationLimits;
import com.geminihealth.intake.web.PhoneNumbers;
import com.geminihealth.platform.EventPublisher;
import com.geminihealth.schemas.Topics;
import com.geminihealth.schemas.booking.Language;
import com.geminihealth.schemas.booking.LocationId;
import com.geminihealth.schemas.inquiry.ContactInquiryReceived;
import com.geminihealth.schemas.inquiry.InquiryId;

/** Checks contact-form messages and puts them on the inquiry stream. */
@Service
public class Inquiries {

	private final EventPublisher publisher;

	private final Clock clock;

	private final DestinationLimits limits;

	Inquiries(EventPublisher publisher, Clock clock, DestinationLimits limits) {
		this.publisher = publisher;
		this.clock = clock;
		this.limits = limits;
	}

	/**
	 * Publishes the inquiry and returns once Kafka has acknowledged it; first counts the
	 * acknowledgement it will send against what the public doors may send the address,
	 * and throws if it may not.
	 */
	public InquiryId submit(InquiryRequest request) {
		InquiryId id = InquiryId.random();
		this.limits.allow(id.uuid(), Destination.email("email", request.email()));
		ContactInquiryReceived inquiry = toEvent(id, request, this.clock.instant());
		this.publisher.publish(Topics.CONTACT_INQUIRIES, inquiry.inquiryId(), inquiry);
		return inquiry.inquiryId();
	}

	static ContactInquiryReceived toEvent(InquiryId id, InquiryRequest request, Instant receivedAt) {
		return new ContactInquiryReceived(id,
				StringUtils.hasText(request.location()) ? new LocationId(request.location()) : null,
				request.name().strip(), request.email().strip(), PhoneNumbers.toE164(request.phone()).orElse(null),
				(request.language() != null) ? request.language() : Language.EN, request.message().strip(), receivedAt);
	}

}
