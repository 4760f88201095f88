package com.geminihealth.intake.booking;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

import com.geminihealth.platform.clinic.ClinicProperties;
import com.geminihealth.intake.web.ContractFields;
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
		RequestRules.checkContact(request.email(), request.mobilePhone(), request.smsConsent(), errors);
		ClinicProperties.Location location = RequestRules.checkChoice(this.clinic, request.location(),
				request.service(), request.practitioner(), errors);
		if (location != null && request.requestedStart() != null
				&& !request.requestedStart().isAfter(LocalDateTime.now(this.clock.withZone(location.zone())))) {
			errors.rejectValue("requestedStart", "start.past", "must be in the future");
		}
		if (buildable(request)) {
			CONTRACT.check(BookingIntake.toCommand(RequestId.random(), request, BookingChannel.ONLINE), errors);
		}
	}

	private static boolean buildable(BookingRequest request) {
		return RequestRules.buildable(request.patientName(), request.location(), request.service(), request.email(),
				request.mobilePhone());
	}

}
