package com.geminihealth.intake.manage;

import com.geminihealth.schemas.booking.AppointmentId;

/**
 * Where an appointment, or a waitlist's offer, is reached: by its patient's link, and
 * over the API.
 */
public final class AppointmentPaths {

	private AppointmentPaths() {
	}

	public static String page(String token) {
		return "/m/" + token;
	}

	static String api(AppointmentId appointment) {
		return "/api/appointments/" + appointment.value();
	}

	/** A waitlist offer over the API, for the holder of the offer's link. */
	static String offerApi(AppointmentId offer) {
		return "/api/waitlist/offers/" + offer.value();
	}

}
