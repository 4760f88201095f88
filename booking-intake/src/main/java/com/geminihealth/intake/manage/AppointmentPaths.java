package com.geminihealth.intake.manage;

import com.geminihealth.schemas.booking.AppointmentId;

/** Where an appointment is reached: by its patient's link, and over the API. */
final class AppointmentPaths {

	private AppointmentPaths() {
	}

	static String page(String token) {
		return "/m/" + token;
	}

	static String api(AppointmentId appointment) {
		return "/api/appointments/" + appointment.value();
	}

}
