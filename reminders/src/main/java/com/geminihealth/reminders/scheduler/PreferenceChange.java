package com.geminihealth.reminders.scheduler;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.KeyValue;

import com.geminihealth.schemas.Json;
import com.geminihealth.schemas.appointment.AppointmentConfirmed;
import com.geminihealth.schemas.booking.Language;
import com.geminihealth.schemas.booking.Patient;
import com.geminihealth.schemas.patient.OptedIn;
import com.geminihealth.schemas.patient.OptedOut;
import com.geminihealth.schemas.patient.PatientContact;
import com.geminihealth.schemas.patient.PatientReply;
import com.geminihealth.schemas.privacy.ErasureRequested;
import com.geminihealth.schemas.reminder.Channel;

/**
 * One thing that changes a contact's preferences, keyed by the contact: what the
 * preferences fold reads, and what crosses the repartition topic for the changes whose
 * source is keyed otherwise (bookings by appointment, erasures by erasure).
 *
 * @param kind what changes
 * @param channel the channel opted out of or back in to
 * @param language the language the contact booked in
 * @param at when the change happened, if the event says; else the record's time
 */
record PreferenceChange(Kind kind, Channel channel, Language language, Instant at) {

	static final Serde<PreferenceChange> SERDE = Json.serde(PreferenceChange.class);

	enum Kind {

		OPTED_OUT, OPTED_IN, LANGUAGE, ERASED

	}

	boolean erases() {
		return this.kind == Kind.ERASED;
	}

	/** The change a reply makes, or null for a reply that changes no preference. */
	static PreferenceChange of(PatientReply reply) {
		if (reply instanceof OptedOut out) {
			return new PreferenceChange(Kind.OPTED_OUT, out.channel(), null, out.receivedAt());
		}
		if (reply instanceof OptedIn in) {
			return new PreferenceChange(Kind.OPTED_IN, in.channel(), null, in.receivedAt());
		}
		return null;
	}

	/**
	 * A confirmed booking tells the language of both the patient's email address and
	 * phone: either may be the one a later message goes to.
	 */
	static List<KeyValue<PatientContact, PreferenceChange>> languagesOf(AppointmentConfirmed confirmed) {
		Patient patient = confirmed.appointment().patient();
		return eachContact(patient.email(), patient.mobilePhone(),
				new PreferenceChange(Kind.LANGUAGE, null, patient.language(), null));
	}

	/** An erasure reaches each contact it names. */
	static List<KeyValue<PatientContact, PreferenceChange>> erasing(ErasureRequested erasure) {
		return eachContact(erasure.email(), erasure.phone(),
				new PreferenceChange(Kind.ERASED, null, null, erasure.requestedAt()));
	}

	private static List<KeyValue<PatientContact, PreferenceChange>> eachContact(String email, String phone,
			PreferenceChange change) {
		List<KeyValue<PatientContact, PreferenceChange>> changes = new ArrayList<>(2);
		for (String contact : new String[] { email, phone }) {
			if (contact != null && !contact.isBlank()) {
				changes.add(KeyValue.pair(new PatientContact(contact), change));
			}
		}
		return changes;
	}

}
