package com.geminihealth.notifications.sms;

import com.geminihealth.schemas.Redact;

/**
 * One text message.
 *
 * @param purpose what it is for; part of its notification id
 * @param to E.164 number
 * @param body the text: no health details
 * @param consented whether the patient agreed to texts when booking
 */
record Sms(String purpose, String to, String body, boolean consented) {

	@Override
	public String toString() {
		return "Sms[" + this.purpose + " to " + Redact.phone(this.to) + "]";
	}

}
