package com.geminihealth.schemas.booking;

/** Records that the patient did not come. */
public record MarkNoShow(CommandId commandId, LocationId location,
		AppointmentId appointmentId) implements BookingCommand {
}
