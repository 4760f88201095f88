package com.geminihealth.schemas.booking;

/** Where a booking came from. */
public enum BookingChannel {

	/** The public booking page or the HTTP API. */
	ONLINE,

	/** The front desk, for a caller. */
	FRONT_DESK,

	/** Another system: signed HTTP or a record published straight to Kafka. */
	INTEGRATION

}
