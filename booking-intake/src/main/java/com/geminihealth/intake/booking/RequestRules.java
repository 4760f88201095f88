package com.geminihealth.intake.booking;

import org.springframework.util.StringUtils;
import org.springframework.validation.Errors;

import com.geminihealth.intake.web.PhoneNumbers;
import com.geminihealth.platform.clinic.ClinicProperties;

/**
 * The rules every patient's request at the public doors meets, whatever it asks for: a
 * way to reach the patient, a real phone number, and a location, service and practitioner
 * the clinic has. The booking form and the waitlist's apply the same ones, on fields of
 * the same names.
 */
public final class RequestRules {

	private RequestRules() {
	}

	/** On {@code email} and {@code mobilePhone}. */
	public static void checkContact(String email, String mobilePhone, boolean smsConsent, Errors errors) {
		if (!StringUtils.hasText(email) && !StringUtils.hasText(mobilePhone)) {
			errors.rejectValue("email", "contact.required", "give an email address or a mobile phone number");
		}
		if (StringUtils.hasText(mobilePhone) && PhoneNumbers.toE164(mobilePhone).isEmpty()) {
			errors.rejectValue("mobilePhone", "phone.invalid", "is not a valid phone number");
		}
		if (smsConsent && !StringUtils.hasText(mobilePhone)) {
			errors.rejectValue("mobilePhone", "phone.required", "is needed to receive text messages");
		}
	}

	/**
	 * On {@code location}, {@code service} and {@code practitioner}; the location, if the
	 * clinic has it.
	 */
	public static ClinicProperties.Location checkChoice(ClinicProperties clinic, String location, String service,
			String practitioner, Errors errors) {
		if (StringUtils.hasText(service) && !clinic.services().containsKey(service)) {
			errors.rejectValue("service", "service.unknown", "is not a service we offer");
		}
		if (StringUtils.hasText(practitioner) && !clinic.practitioners().containsKey(practitioner)) {
			errors.rejectValue("practitioner", "practitioner.unknown", "is not one of our practitioners");
		}
		ClinicProperties.Location known = StringUtils.hasText(location) ? clinic.locations().get(location) : null;
		if (StringUtils.hasText(location) && known == null) {
			errors.rejectValue("location", "location.unknown", "is not one of our locations");
		}
		return known;
	}

	/**
	 * Whether a command can be made of these parts; until it can, the checks above say
	 * what is missing.
	 */
	public static boolean buildable(String patientName, String location, String service, String email,
			String mobilePhone) {
		return StringUtils.hasText(patientName) && StringUtils.hasText(location) && StringUtils.hasText(service)
				&& (StringUtils.hasText(email) || PhoneNumbers.toE164(mobilePhone).isPresent());
	}

}
