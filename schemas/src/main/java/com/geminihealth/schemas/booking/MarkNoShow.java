package com.geminihealth.schemas.booking;

/** Records that the patient did not come. */
public record MarkNoShow(CommandId commandId, LocationId location, AppointmentId appointmentId,
		Author author) implements BookingCommand {

	/** A no-show whose author is not recorded. */
	public MarkNoShow(CommandId commandId, LocationId location, AppointmentId appointmentId) {
		this(commandId, location, appointmentId, null);
	}

}
