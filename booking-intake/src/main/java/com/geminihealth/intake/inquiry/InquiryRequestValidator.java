package com.geminihealth.intake.inquiry;

import java.time.Instant;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

import com.geminihealth.platform.clinic.ClinicProperties;
import com.geminihealth.intake.web.ContractFields;
import com.geminihealth.intake.web.PhoneNumbers;
import com.geminihealth.schemas.Topics;
import com.geminihealth.schemas.inquiry.ContactInquiryReceived;
import com.geminihealth.schemas.inquiry.InquiryId;

/**
 * The rules beyond Bean Validation: a real phone number and a known location; then the
 * event the message becomes must pass the contract's schema, the one truth every consumer
 * applies.
 */
@Component
class InquiryRequestValidator implements Validator {

	private static final ContractFields<ContactInquiryReceived> CONTRACT = new ContractFields<>(
			Topics.CONTACT_INQUIRIES, ContactInquiryReceived.class, Map.of("$.name", "name", "$.email", "email",
					"$.phone", "phone", "$.language", "language", "$.location", "location", "$.message", "message"),
			"message");

	private final ClinicProperties clinic;

	InquiryRequestValidator(ClinicProperties clinic) {
		this.clinic = clinic;
	}

	@Override
	public boolean supports(Class<?> type) {
		return InquiryRequest.class.isAssignableFrom(type);
	}

	@Override
	public void validate(Object target, Errors errors) {
		InquiryRequest request = (InquiryRequest) target;
		if (StringUtils.hasText(request.phone()) && PhoneNumbers.toE164(request.phone()).isEmpty()) {
			errors.rejectValue("phone", "phone.invalid", "is not a valid phone number");
		}
		if (StringUtils.hasText(request.location()) && !this.clinic.locations().containsKey(request.location())) {
			errors.rejectValue("location", "location.unknown", "is not one of our locations");
		}
		// An event cannot be made without these; until they are given, Bean Validation
		// says so.
		if (request.name() != null && request.email() != null && request.message() != null) {
			CONTRACT.check(Inquiries.toEvent(InquiryId.random(), request, Instant.now()), errors);
		}
	}

}
