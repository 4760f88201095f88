package com.geminihealth.schemas.appointment;

import com.geminihealth.schemas.booking.AppointmentId;
import com.geminihealth.schemas.booking.RequestId;

/** A booking request got its slot. */
public record AppointmentConfirmed(RequestId requestId, Appointment appointment) implements AppointmentEvent {

	@Override
	public AppointmentId appointmentId() {
		return this.appointment.appointmentId();
	}

}
