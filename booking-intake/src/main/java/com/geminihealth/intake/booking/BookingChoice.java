package com.geminihealth.intake.booking;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import org.springframework.util.StringUtils;
import org.springframework.web.util.UriComponentsBuilder;

import com.geminihealth.platform.clinic.ClinicProperties;

/**
 * What the patient has chosen so far, as the booking page's address holds it. A choice
 * the clinic does not know (a stale link, a practitioner who left) sends the patient back
 * to the step that asks it, rather than to an error.
 *
 * @param location location id, or null before the first step
 * @param service service id
 * @param practitioner practitioner id, {@link #ANYONE}, or null before it is asked
 * @param start the chosen slot's local start
 * @param offset the chosen slot's UTC offset, where the clocks show its time twice
 */
record BookingChoice(String location, String service, String practitioner, LocalDateTime start, ZoneOffset offset) {

	/** The practitioner step's answer "anyone available", as the address carries it. */
	static final String ANYONE = "anyone";

	/** The step that asks for the first thing still missing. */
	BookingStep step(ClinicProperties clinic) {
		if (this.location == null || !clinic.locations().containsKey(this.location)) {
			return BookingStep.LOCATION;
		}
		if (this.service == null || clinic.qualifiedAt(this.location, this.service).isEmpty()) {
			return BookingStep.SERVICE;
		}
		boolean anyone = !StringUtils.hasText(this.practitioner) || ANYONE.equals(this.practitioner);
		boolean knownPractitioner = anyone
				|| clinic.qualifiedAt(this.location, this.service).contains(this.practitioner);
		if (!knownPractitioner || (this.practitioner == null && this.start == null)) {
			return BookingStep.PRACTITIONER;
		}
		return (this.start == null) ? BookingStep.TIME : BookingStep.DETAILS;
	}

	/**
	 * The details step's address for these choices, ready for one more parameter: where
	 * the language switch of a form sent back leads, with no personal data in it.
	 */
	String detailsAddressForMore() {
		String address = UriComponentsBuilder.fromPath("/book")
			.queryParamIfPresent("location", Optional.ofNullable(this.location))
			.queryParamIfPresent("service", Optional.ofNullable(this.service))
			.queryParamIfPresent("practitioner", Optional.ofNullable(this.practitioner))
			.queryParamIfPresent("start", Optional.ofNullable(this.start))
			.queryParamIfPresent("offset", Optional.ofNullable(this.offset))
			.encode()
			.build()
			.toUriString();
		return address + (address.contains("?") ? "&" : "?");
	}

	/** The practitioner asked for, or null for anyone qualified. */
	String practitionerId() {
		return (!StringUtils.hasText(this.practitioner) || ANYONE.equals(this.practitioner)) ? null : this.practitioner;
	}

}
