package com.geminihealth.intake.waitlist;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

import com.geminihealth.intake.booking.RequestRules;
import com.geminihealth.intake.web.ContractFields;
import com.geminihealth.platform.clinic.ClinicProperties;
import com.geminihealth.schemas.Topics;
import com.geminihealth.schemas.booking.JoinWaitlist;
import com.geminihealth.schemas.waitlist.WaitlistEntryId;

/**
 * The rules the waitlist form must meet before it becomes a {@link JoinWaitlist}: the
 * booking form's for the patient and their choice ({@link RequestRules}), days from today
 * at the location to no further than bookings are taken, the last not before the first,
 * the latest start not before the earliest; then the contract's schema, as the decider
 * applies it.
 */
@Component
class WaitlistRequestValidator implements Validator {

	private static final ContractFields<JoinWaitlist> CONTRACT = new ContractFields<>(Topics.BOOKING_COMMANDS,
			JoinWaitlist.class,
			Map.ofEntries(Map.entry("$.location", "location"), Map.entry("$.service", "service"),
					Map.entry("$.practitioner", "practitioner"), Map.entry("$.window", "firstDay"),
					Map.entry("$.window.firstDay", "firstDay"), Map.entry("$.window.lastDay", "lastDay"),
					Map.entry("$.window.earliest", "earliest"), Map.entry("$.window.latest", "latest"),
					Map.entry("$.patient", "email"), Map.entry("$.patient.name", "patientName"),
					Map.entry("$.patient.email", "email"), Map.entry("$.patient.mobilePhone", "mobilePhone"),
					Map.entry("$.patient.language", "language")),
			"patientName");

	private final ClinicProperties clinic;

	private final Clock clock;

	WaitlistRequestValidator(ClinicProperties clinic, Clock clock) {
		this.clinic = clinic;
		this.clock = clock;
	}

	@Override
	public boolean supports(Class<?> type) {
		return WaitlistRequest.class.isAssignableFrom(type);
	}

	@Override
	public void validate(Object target, Errors errors) {
		WaitlistRequest request = (WaitlistRequest) target;
		RequestRules.checkContact(request.email(), request.mobilePhone(), request.smsConsent(), errors);
		ClinicProperties.Location location = RequestRules.checkChoice(this.clinic, request.location(),
				request.service(), request.practitioner(), errors);
		checkDays(request, location, errors);
		if (request.earliest() != null && request.latest() != null && request.latest().isBefore(request.earliest())) {
			errors.rejectValue("latest", "time.order", "must not be before the earliest start");
		}
		if (buildable(request)) {
			CONTRACT.check(WaitlistIntake.toCommand(WaitlistEntryId.random(), request), errors);
		}
	}

	/**
	 * The days in order and, once the location (so its today) is known, from today to the
	 * booking horizon; one message a field.
	 */
	private void checkDays(WaitlistRequest request, ClinicProperties.Location location, Errors errors) {
		if (request.firstDay() != null && request.lastDay() != null && request.lastDay().isBefore(request.firstDay())) {
			errors.rejectValue("lastDay", "day.order", "must not be before the first day");
		}
		if (location == null) {
			return;
		}
		LocalDate today = LocalDate.now(this.clock.withZone(location.zone()));
		long days = this.clinic.rules().maximumAdvance().toDays();
		LocalDate horizon = horizon(this.clinic, today);
		for (String field : new String[] { "firstDay", "lastDay" }) {
			LocalDate day = "firstDay".equals(field) ? request.firstDay() : request.lastDay();
			if (day == null || errors.hasFieldErrors(field)) {
				continue;
			}
			if (day.isBefore(today)) {
				errors.rejectValue(field, "day.past", "must not be in the past");
			}
			else if (day.isAfter(horizon)) {
				errors.rejectValue(field, "day.horizon", new Object[] { days },
						"must be within " + days + " days from today: we take bookings that far ahead");
			}
		}
	}

	/** The last day bookings are taken for, seen from {@code today}. */
	static LocalDate horizon(ClinicProperties clinic, LocalDate today) {
		return today.plusDays(clinic.rules().maximumAdvance().toDays());
	}

	/**
	 * Whether the request has the parts a command cannot be made without (a window needs
	 * its days in order); until it does, the errors above say what is missing.
	 */
	private static boolean buildable(WaitlistRequest request) {
		return RequestRules.buildable(request.patientName(), request.location(), request.service(), request.email(),
				request.mobilePhone()) && request.firstDay() != null && request.lastDay() != null
				&& !request.lastDay().isBefore(request.firstDay()) && (request.earliest() == null
						|| request.latest() == null || !request.latest().isBefore(request.earliest()));
	}

}
