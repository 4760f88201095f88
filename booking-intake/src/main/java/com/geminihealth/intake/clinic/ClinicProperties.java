package com.geminihealth.intake.clinic;

import java.time.ZoneId;
import java.util.Map;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The clinic group: its locations, services and practitioners, keyed by id. Everything
 * clinic-specific lives here, so another clinic runs on the same code.
 *
 * @param name the group's name as patients see it
 * @param phone the front desk's number, for messages and pages
 * @param locations locations by id
 * @param services services by id
 * @param practitioners practitioners by id
 */
@Validated
@ConfigurationProperties("clinic")
public record ClinicProperties(@NotBlank String name, @NotBlank String phone,
		@NotEmpty Map<String, @Valid Location> locations, @NotEmpty Map<String, @Valid Service> services,
		@NotEmpty Map<String, @Valid Practitioner> practitioners) {

	/**
	 * @param name as patients see it
	 * @param zone the IANA time zone the location's clocks show
	 * @param address street address
	 */
	public record Location(@NotBlank String name, @NotNull ZoneId zone, @NotBlank String address) {
	}

	/**
	 * @param name as patients see it
	 * @param discipline who may give it: rmt, physiotherapy or chiropractic
	 * @param minutes how long it takes
	 */
	public record Service(@NotBlank String name, @NotBlank String discipline, @Min(5) int minutes) {
	}

	/**
	 * @param name full name
	 * @param disciplines what they practise
	 * @param locations where they work
	 */
	public record Practitioner(@NotBlank String name, @NotEmpty Set<String> disciplines,
			@NotEmpty Set<String> locations) {
	}

}
