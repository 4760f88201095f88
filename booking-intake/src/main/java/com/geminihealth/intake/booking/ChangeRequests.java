package com.geminihealth.intake.booking;

import java.time.LocalDateTime;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Bodies of the commands that change an existing appointment. */
final class ChangeRequests {

	private ChangeRequests() {
	}

	/**
	 * @param location the appointment's location id
	 * @param reason why, optional
	 */
	record Cancel(@NotBlank String location, @Size(max = 500) String reason) {
	}

	/**
	 * @param location the appointment's location id
	 * @param newStart wall-clock start at the location
	 * @param practitioner another practitioner, or empty to keep the current one
	 */
	record Reschedule(@NotBlank String location, @NotNull LocalDateTime newStart, String practitioner) {
	}

}
