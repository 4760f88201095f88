package com.geminihealth.schemas.appointment;

import com.geminihealth.schemas.booking.Author;
import com.geminihealth.schemas.booking.AppointmentId;
import com.geminihealth.schemas.booking.CommandId;

/** The patient did not come. */
public record AppointmentNoShow(CommandId commandId, Appointment appointment,
		Author author) implements AppointmentEvent {

	/** A no-show whose author is not recorded. */
	public AppointmentNoShow(CommandId commandId, Appointment appointment) {
		this(commandId, appointment, null);
	}

	@Override
	public AppointmentId appointmentId() {
		return this.appointment.appointmentId();
	}

}
