package com.geminihealth.intake.booking;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

import com.geminihealth.platform.clinic.ClinicProperties;
import com.geminihealth.intake.web.ContractFields;
import com.geminihealth.intake.web.PhoneNumbers;
import com.geminihealth.schemas.Topics;
import com.geminihealth.schemas.booking.BookAppointment;
import com.geminihealth.schemas.booking.BookingChannel;
import com.geminihealth.schemas.booking.RequestId;

/**
 * The rules a booking request must meet before it may become a command: a way to reach
 * the patient, a real phone number, a known location, service and practitioner, and a
 * start time still ahead at that location. Then the command it becomes must pass the
 * contract's schema, the same check the decider applies, so nothing accepted here is
 * refused there. Whether the slot is free is the decider's call.
 */
@Component
class BookingRequestValidator implements Validator {

	private static final ContractFields<BookAppointment> CONTRACT = new ContractFields<>(Topics.BOOKING_COMMANDS,
			BookAppointment.class,
			Map.ofEntries(Map.entry("$.location", "location"), Map.entry("$.service", "service"),
					Map.entry("$.practitioner", "practitioner"), Map.entry("$.requestedStart", "requestedStart"),
					Map.entry("$.requestedOffset", "requestedOffset"), Map.entry("$.patient", "email"),
					Map.entry("$.patient.name", "patientName"), Map.entry("$.patient.email", "email"),
					Map.entry("$.patient.mobilePhone", "mobilePhone"), Map.entry("$.patient.language", "language"),
					Map.entry("$.notes", "notes")),
			"patientName");

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
		if (buildable(request)) {
			CONTRACT.check(BookingIntake.toCommand(RequestId.random(), request, BookingChannel.ONLINE), errors);
		}
	}

	/**
	 * Whether the request has the parts a command cannot be made without; until it does,
	 * the errors above say what is missing.
	 */
	private static boolean buildable(BookingRequest request) {
		return StringUtils.hasText(request.patientName()) && StringUtils.hasText(request.location())
				&& StringUtils.hasText(request.service())
				&& (StringUtils.hasText(request.email()) || PhoneNumbers.toE164(request.mobilePhone()).isPresent());
	}

}
