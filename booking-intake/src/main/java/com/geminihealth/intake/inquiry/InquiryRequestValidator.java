package com.geminihealth.intake.inquiry;

import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

import com.geminihealth.intake.clinic.ClinicProperties;
import com.geminihealth.intake.web.PhoneNumbers;

/** The rules beyond Bean Validation: a real phone number and a known location. */
@Component
class InquiryRequestValidator implements Validator {

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
	}

}
