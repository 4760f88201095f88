package com.geminihealth.schemas.appointment;

import com.geminihealth.schemas.booking.AppointmentId;
import com.geminihealth.schemas.booking.CommandId;

/** The patient did not come. */
public record AppointmentNoShow(CommandId commandId, Appointment appointment) implements AppointmentEvent {

	@Override
	public AppointmentId appointmentId() {
		return this.appointment.appointmentId();
	}

}
