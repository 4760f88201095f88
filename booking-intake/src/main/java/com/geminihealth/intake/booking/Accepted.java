package com.geminihealth.intake.booking;

import com.geminihealth.schemas.booking.RequestId;

/**
 * The answer to an accepted request: it is durably on Kafka and will be decided shortly.
 *
 * @param requestId the request's id, also the appointment's id once confirmed
 * @param status always PENDING here; the status URL tells what was decided
 * @param statusUrl where to follow the request
 */
public record Accepted(String requestId, String status, String statusUrl) {

	public static Accepted pending(RequestId requestId) {
		return new Accepted(requestId.value(), "PENDING", BookingController.statusPath(requestId));
	}

}
