package com.geminihealth.notifications.sms;

import java.time.Instant;
import java.time.ZoneId;

import com.geminihealth.schemas.Redact;

/**
 * One text message.
 *
 * @param purpose what it is for; part of its notification id
 * @param to E.164 number
 * @param body the text: no health details
 * @param consented whether the patient agreed to texts when booking
 * @param zone the patient's local time zone (their location's), for quiet hours
 * @param location the location's id, whose quiet hours apply
 * @param usefulUntil when the text stops being of use (the appointment's start), or null
 */
record Sms(String purpose, String to, String body, boolean consented, ZoneId zone, String location,
		Instant usefulUntil) {

	@Override
	public String toString() {
		return "Sms[" + this.purpose + " to " + Redact.phone(this.to) + "]";
	}

}
