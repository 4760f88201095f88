package com.geminihealth.schemas.booking;

import java.time.LocalDateTime;

import com.geminihealth.schemas.Redact;

/**
 * Asks for an appointment. {@code requestedStart} is wall-clock time at the location; the
 * decider resolves it in the location's zone. {@code practitioner} is null for "any
 * qualified practitioner"; {@code notes} and {@code directBilling} are optional.
 */
public record BookAppointment(RequestId requestId, LocationId location, ServiceId service, PractitionerId practitioner,
		LocalDateTime requestedStart, Patient patient, String notes, DirectBilling directBilling,
		BookingChannel channel) implements BookingCommand {

	public BookAppointment {
		Ids.requireUuid((requestId != null) ? requestId.uuid() : null, "request id");
		channel = (channel != null) ? channel : BookingChannel.INTEGRATION;
	}

	@Override
	public String toString() {
		return "BookAppointment[" + this.requestId + ", " + this.location + ", " + this.service + ", "
				+ this.practitioner + ", " + this.requestedStart + ", " + this.patient + ", notes="
				+ Redact.text(this.notes) + ", channel=" + this.channel + "]";
	}

}
