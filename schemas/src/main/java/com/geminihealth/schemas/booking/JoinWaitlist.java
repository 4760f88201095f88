package com.geminihealth.schemas.booking;

import com.geminihealth.schemas.waitlist.WaitlistEntryId;
import com.geminihealth.schemas.waitlist.WaitlistWindow;

/**
 * Puts a patient on the waitlist for a service at a location, with one practitioner or
 * anyone qualified ({@code practitioner} null), in a window of days and times. When a
 * matching slot frees, the decider offers it to the first in line. The decider applies
 * each entry id once.
 */
public record JoinWaitlist(WaitlistEntryId entryId, LocationId location, ServiceId service, PractitionerId practitioner,
		WaitlistWindow window, Patient patient, Author author) implements BookingCommand {

	public JoinWaitlist {
		Ids.requireUuid((entryId != null) ? entryId.uuid() : null, "waitlist entry id");
	}

	@Override
	public String toString() {
		return "JoinWaitlist[" + this.entryId + ", " + this.location + ", " + this.service + ", " + this.practitioner
				+ ", " + this.window + ", " + this.patient + "]";
	}

}
