package com.geminihealth.schemas.appointment;

import com.geminihealth.schemas.Redact;
import com.geminihealth.schemas.booking.AppointmentId;
import com.geminihealth.schemas.booking.CommandId;

/** An appointment was cancelled and its slot freed. {@code reason} is optional. */
public record AppointmentCancelled(CommandId commandId, Appointment appointment,
		String reason) implements AppointmentEvent {

	@Override
	public AppointmentId appointmentId() {
		return this.appointment.appointmentId();
	}

	@Override
	public String toString() {
		return "AppointmentCancelled[" + this.commandId + ", " + this.appointment + ", reason="
				+ Redact.text(this.reason) + "]";
	}

}
