package com.geminihealth.schemas.appointment;

import java.time.LocalDateTime;
import java.time.ZoneId;
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
 */
public record AppointmentDeclined(RequestId requestId, LocationId location, ServiceId service,
		PractitionerId practitioner, LocalDateTime requestedStart, ZoneId zone, Patient patient, DeclineReason reason,
		List<Slot> alternatives) implements AppointmentEvent {

	public AppointmentDeclined {
		alternatives = (alternatives != null) ? List.copyOf(alternatives) : List.of();
	}

	@Override
	public AppointmentId appointmentId() {
		return AppointmentId.forRequest(this.requestId);
	}

}
