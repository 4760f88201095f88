package com.geminihealth.intake.manage;

import com.geminihealth.schemas.booking.AppointmentId;

/**
 * Where an appointment, a waitlist's offer, or the question after a session is reached:
 * by its patient's link, and over the API.
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

	/** The page that asks the patient about their session, reached by its own link. */
	public static String feedbackPage(String token) {
		return "/feedback/" + token;
	}

	/**
	 * The session a feedback link asks about, over the API, for the holder of the link.
	 */
	static String feedbackApi(AppointmentId appointment) {
		return "/api/feedback/" + appointment.value();
	}

	/** A waitlist offer over the API, for the holder of the offer's link. */
	static String offerApi(AppointmentId offer) {
		return "/api/waitlist/offers/" + offer.value();
	}

}
