package com.geminihealth.schemas.booking;

import java.time.LocalDateTime;
import java.time.ZoneOffset;

import com.geminihealth.schemas.Redact;

/**
 * Asks for an appointment. {@code requestedStart} is wall-clock time at the location; the
 * decider resolves it in the location's zone. {@code requestedOffset} is optional: the
 * UTC offset that picks one of the two occurrences of a time the clocks repeat when they
 * fall back (01:30 at -04:00, then at -05:00, in Toronto); without it such a time is its
 * first occurrence. A time the clocks skip, or an offset they do not show then, is
 * declined, never moved. {@code practitioner} is null for "any qualified practitioner";
 * {@code notes} is optional. {@code directBilling} is no longer collected: the doors drop
 * it and nothing reads it (it is kept in the contract so that commands written before
 * stay valid). {@code screening} is optional: what the booking form's screening questions
 * found (see {@link Screening}); the decider carries it onto the appointment.
 */
public record BookAppointment(RequestId requestId, LocationId location, ServiceId service, PractitionerId practitioner,
		LocalDateTime requestedStart, Patient patient, String notes, DirectBilling directBilling,
		BookingChannel channel, ZoneOffset requestedOffset, Screening screening) implements BookingCommand {

	public BookAppointment {
		Ids.requireUuid((requestId != null) ? requestId.uuid() : null, "request id");
		channel = (channel != null) ? channel : BookingChannel.INTEGRATION;
	}

	/** A booking from a door that asks no screening questions. */
	public BookAppointment(RequestId requestId, LocationId location, ServiceId service, PractitionerId practitioner,
			LocalDateTime requestedStart, Patient patient, String notes, DirectBilling directBilling,
			BookingChannel channel, ZoneOffset requestedOffset) {
		this(requestId, location, service, practitioner, requestedStart, patient, notes, directBilling, channel,
				requestedOffset, null);
	}

	/** A booking that leaves a repeated time to its first occurrence. */
	public BookAppointment(RequestId requestId, LocationId location, ServiceId service, PractitionerId practitioner,
			LocalDateTime requestedStart, Patient patient, String notes, DirectBilling directBilling,
			BookingChannel channel) {
		this(requestId, location, service, practitioner, requestedStart, patient, notes, directBilling, channel, null,
				null);
	}

	/** The same booking without the direct-billing details the pipeline does not keep. */
	public BookAppointment withoutDirectBilling() {
		return (this.directBilling != null) ? new BookAppointment(this.requestId, this.location, this.service,
				this.practitioner, this.requestedStart, this.patient, this.notes, null, this.channel,
				this.requestedOffset, this.screening) : this;
	}

	@Override
	public String toString() {
		return "BookAppointment[" + this.requestId + ", " + this.location + ", " + this.service + ", "
				+ this.practitioner + ", " + this.requestedStart
				+ ((this.requestedOffset != null) ? this.requestedOffset.toString() : "") + ", " + this.patient
				+ ", notes=" + Redact.text(this.notes) + ", channel=" + this.channel + "]";
	}

}
