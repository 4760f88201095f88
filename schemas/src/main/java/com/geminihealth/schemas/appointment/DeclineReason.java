package com.geminihealth.schemas.appointment;

/**
 * Why a booking or reschedule request was declined. Values are only ever added, never
 * renamed or removed: a reader of an older contract fails on a value it does not know, so
 * readers upgrade before the decider does.
 */
public enum DeclineReason {

	SLOT_TAKEN, OUTSIDE_HOURS, TOO_SOON, TOO_FAR_AHEAD, UNKNOWN_SERVICE, UNKNOWN_PRACTITIONER, UNKNOWN_LOCATION,

	/**
	 * The wall-clock time asked for never shows on the location's clocks: it falls in the
	 * hour they skip when they spring forward, or it came with a UTC offset the clocks do
	 * not show at that time. Declined rather than moved to a time the patient did not ask
	 * for.
	 */
	NONEXISTENT_LOCAL_TIME

}
