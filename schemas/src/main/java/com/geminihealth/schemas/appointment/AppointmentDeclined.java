package com.geminihealth.schemas.appointment;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import com.geminihealth.schemas.booking.AppointmentId;
import com.geminihealth.schemas.booking.LocationId;
import com.geminihealth.schemas.booking.Patient;
import com.geminihealth.schemas.booking.PractitionerId;
import com.geminihealth.schemas.booking.RequestId;
import com.geminihealth.schemas.booking.ServiceId;

/**
 * A booking request could not be met. Keyed by the request (its {@code appointmentId} is
 * the request's id); offers up to three of the nearest open slots.
 * {@code requestedOffset} is the offset the request came with, if any, so that a time the
 * clocks repeat reads as the occurrence asked for.
 */
public record AppointmentDeclined(RequestId requestId, LocationId location, ServiceId service,
		PractitionerId practitioner, LocalDateTime requestedStart, ZoneId zone, Patient patient, DeclineReason reason,
		List<Slot> alternatives, ZoneOffset requestedOffset) implements AppointmentEvent {

	public AppointmentDeclined {
		alternatives = (alternatives != null) ? List.copyOf(alternatives) : List.of();
	}

	/** A decline of a request that came without an offset. */
	public AppointmentDeclined(RequestId requestId, LocationId location, ServiceId service, PractitionerId practitioner,
			LocalDateTime requestedStart, ZoneId zone, Patient patient, DeclineReason reason, List<Slot> alternatives) {
		this(requestId, location, service, practitioner, requestedStart, zone, patient, reason, alternatives, null);
	}

	@Override
	public AppointmentId appointmentId() {
		return AppointmentId.forRequest(this.requestId);
	}

}
