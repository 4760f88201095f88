package com.geminihealth.intake.booking;

import java.time.Clock;
import java.time.LocalDateTime;

import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

import com.geminihealth.intake.clinic.ClinicProperties;
import com.geminihealth.intake.web.PhoneNumbers;

/**
 * The rules a booking request must meet before it may become a command: a way to reach
 * the patient, a real phone number, a known location, service and practitioner, and a
 * start time still ahead at that location. Whether the slot is free is the decider's
 * call.
 */
@Component
class BookingRequestValidator implements Validator {

	private final ClinicProperties clinic;

	private final Clock clock;

	BookingRequestValidator(ClinicProperties clinic, Clock clock) {
		this.clinic = clinic;
		this.clock = clock;
	}

	@Override
	public boolean supports(Class<?> type) {
		return BookingRequest.class.isAssignableFrom(type);
	}

	@Override
	public void validate(Object target, Errors errors) {
		BookingRequest request = (BookingRequest) target;
		if (!StringUtils.hasText(request.email()) && !StringUtils.hasText(request.mobilePhone())) {
			errors.rejectValue("email", "contact.required", "give an email address or a mobile phone number");
		}
		if (StringUtils.hasText(request.mobilePhone()) && PhoneNumbers.toE164(request.mobilePhone()).isEmpty()) {
			errors.rejectValue("mobilePhone", "phone.invalid", "is not a valid phone number");
		}
		if (request.smsConsent() && !StringUtils.hasText(request.mobilePhone())) {
			errors.rejectValue("mobilePhone", "phone.required", "is needed to receive text messages");
		}
		if (StringUtils.hasText(request.service()) && !this.clinic.services().containsKey(request.service())) {
			errors.rejectValue("service", "service.unknown", "is not a service we offer");
		}
		if (StringUtils.hasText(request.practitioner())
				&& !this.clinic.practitioners().containsKey(request.practitioner())) {
			errors.rejectValue("practitioner", "practitioner.unknown", "is not one of our practitioners");
		}
		ClinicProperties.Location location = StringUtils.hasText(request.location())
				? this.clinic.locations().get(request.location()) : null;
		if (StringUtils.hasText(request.location()) && location == null) {
			errors.rejectValue("location", "location.unknown", "is not one of our locations");
		}
		if (location != null && request.requestedStart() != null
				&& !request.requestedStart().isAfter(LocalDateTime.now(this.clock.withZone(location.zone())))) {
			errors.rejectValue("requestedStart", "start.past", "must be in the future");
		}
	}

}
