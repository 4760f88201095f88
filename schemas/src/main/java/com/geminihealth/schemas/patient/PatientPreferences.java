package com.geminihealth.schemas.patient;

import java.time.Instant;
import java.util.List;

import com.geminihealth.schemas.booking.Language;
import com.geminihealth.schemas.reminder.Channel;

/**
 * What one contact wants now, folded from everything it said: the channels it opted out
 * of (kept until it opts in again, however long ago the STOP was) and the language it
 * last used. Published on a compacted topic keyed by the contact, so the latest is kept
 * for good and read by every service before every message.
 *
 * @param contact the phone number or email address
 * @param optedOut the channels the contact opted out of; empty when none
 * @param language the language the contact last booked or wrote in, if known
 * @param updatedAt when the latest change arrived
 */
public record PatientPreferences(PatientContact contact, List<Channel> optedOut, Language language, Instant updatedAt) {

	public PatientPreferences {
		optedOut = (optedOut != null) ? List.copyOf(optedOut) : List.of();
	}

	public boolean optedOut(Channel channel) {
		return this.optedOut.contains(channel);
	}

}
