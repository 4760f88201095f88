package com.geminihealth.schemas.appointment;

/** Where an appointment stands after the decider's last decision about it. */
public enum AppointmentStatus {

	/** Booked, and still to come or not yet marked. */
	CONFIRMED,

	/** Cancelled; its slot is free. */
	CANCELLED,

	/** The session took place. */
	COMPLETED,

	/** The patient did not come. */
	NO_SHOW

}
