package com.geminihealth.schemas.appointment;

/** Why a booking or reschedule request was declined. */
public enum DeclineReason {

	SLOT_TAKEN, OUTSIDE_HOURS, TOO_SOON, TOO_FAR_AHEAD, UNKNOWN_SERVICE, UNKNOWN_PRACTITIONER, UNKNOWN_LOCATION

}
