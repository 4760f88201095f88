package com.geminihealth.intake.booking;

/**
 * The steps of the booking page, in the order a patient takes them. The page is one flow
 * of server-rendered steps: each choice is a link or a GET form that adds one parameter
 * to the address, so it works without JavaScript, the browser's back button goes back a
 * step, and nothing is asked twice; the chosen slot then rides in the details form's
 * hidden fields until it is sent.
 */
enum BookingStep {

	LOCATION, SERVICE, PRACTITIONER, TIME, DETAILS;

	/** Counted from 1, as the page says it ("step 2 of 5"). */
	int number() {
		return ordinal() + 1;
	}

	static int count() {
		return values().length;
	}

}
