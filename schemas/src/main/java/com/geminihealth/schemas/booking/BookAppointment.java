package com.geminihealth.schemas.booking;

import java.time.LocalDateTime;

import com.geminihealth.schemas.Redact;

/**
 * Asks for an appointment. {@code requestedStart} is wall-clock time at the location; the
 * decider resolves it in the location's zone. {@code practitioner} is null for "any
 * qualified practitioner"; {@code notes} is optional. {@code directBilling} is no longer
 * collected: the doors drop it and nothing reads it (it is kept in the contract so that
 * commands written before stay valid).
 */
public record BookAppointment(RequestId requestId, LocationId location, ServiceId service, PractitionerId practitioner,
		LocalDateTime requestedStart, Patient patient, String notes, DirectBilling directBilling,
		BookingChannel channel) implements BookingCommand {

	public BookAppointment {
		Ids.requireUuid((requestId != null) ? requestId.uuid() : null, "request id");
		channel = (channel != null) ? channel : BookingChannel.INTEGRATION;
	}

	/** The same booking without the direct-billing details the pipeline does not keep. */
	public BookAppointment withoutDirectBilling() {
		return (this.directBilling != null) ? new BookAppointment(this.requestId, this.location, this.service,
				this.practitioner, this.requestedStart, this.patient, this.notes, null, this.channel) : this;
	}

	@Override
	public String toString() {
		return "BookAppointment[" + this.requestId + ", " + this.location + ", " + this.service + ", "
				+ this.practitioner + ", " + this.requestedStart + ", " + this.patient + ", notes="
				+ Redact.text(this.notes) + ", channel=" + this.channel + "]";
	}

}
