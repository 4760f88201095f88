package com.geminihealth.schemas.waitlist;

import com.geminihealth.schemas.booking.Author;
import com.geminihealth.schemas.booking.BookingCommand;
import com.geminihealth.schemas.booking.Ids;
import com.geminihealth.schemas.booking.LocationId;
import com.geminihealth.schemas.booking.Patient;
import com.geminihealth.schemas.booking.PractitionerId;
import com.geminihealth.schemas.booking.ServiceId;

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
