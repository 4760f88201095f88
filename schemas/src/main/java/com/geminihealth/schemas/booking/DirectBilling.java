package com.geminihealth.schemas.booking;

/**
 * Insurance details for billing the insurer directly. They travel to the clinic's
 * practice-management side only: never into a message, and {@link #toString()} keeps them
 * out of logs.
 */
public record DirectBilling(String insurer, String memberNumber) {

	@Override
	public String toString() {
		return "DirectBilling[redacted]";
	}

}
