package com.geminihealth.notifications.email;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.parameter.PartStat;
import net.fortuna.ical4j.model.parameter.Role;
import net.fortuna.ical4j.model.parameter.Rsvp;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Method;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

import com.geminihealth.schemas.appointment.Appointment;
import com.geminihealth.schemas.booking.Patient;

/**
 * The iCalendar invitation (RFC 5545, sent as RFC 5546 iTIP) for an appointment, from the
 * clinic to the patient. The UID stays the appointment's and SEQUENCE grows with each
 * reschedule, so calendars update the event instead of adding one.
 *
 * @param appointment as it stands
 * @param summary the event's title
 * @param location where, in words
 * @param clinic the organizer's name
 * @param from the organizer's address, the one the email comes from
 * @param stamp when the invitation is written
 */
record CalendarInvite(Appointment appointment, String summary, String location, String clinic, String from,
		Instant stamp) {

	/** Lines are folded after this many octets (RFC 5545 3.1). */
	static final int FOLD_OCTETS = 75;

	/**
	 * A new or moved appointment (METHOD:REQUEST), with the link to manage it. The
	 * patient booked it, so they have accepted it already: no answer is asked for.
	 */
	String request(String manageLink) {
		VEvent event = event().add(ImmutableStatus.VEVENT_CONFIRMED)
			.add(attendee(PartStat.ACCEPTED, Rsvp.FALSE))
			.add(new Url(URI.create(manageLink)))
			// Most calendar applications show the description, few the URL.
			.add(new Description(manageLink));
		return write(ImmutableMethod.REQUEST, event);
	}

	/** A cancelled appointment (METHOD:CANCEL): calendars remove the event. */
	String cancel() {
		return write(ImmutableMethod.CANCEL, event().add(ImmutableStatus.VEVENT_CANCELLED).add(attendee()));
	}

	private VEvent event() {
		// Without the generated DTSTAMP: the invitation's comes from the clock.
		VEvent event = new VEvent(false);
		// The UID invitations have had from the start: calendars match updates by it.
		return event.add(new Uid(this.appointment.appointmentId().value() + "@geminihealth.com"))
			.add(new Sequence(this.appointment.sequence()))
			.add(new DtStamp(this.stamp))
			.add(new DtStart<>(this.appointment.start()))
			.add(new DtEnd<>(this.appointment.end()))
			.add(new Summary(this.summary))
			.add(new Location(this.location))
			.add(new Organizer(new ParameterList(List.of(new Cn(this.clinic))), mailto(this.from)));
	}

	private Attendee attendee(Parameter... answer) {
		Patient patient = this.appointment.patient();
		List<Parameter> parameters = new ArrayList<>(List.of(new Cn(patient.name()), Role.REQ_PARTICIPANT));
		parameters.addAll(List.of(answer));
		return new Attendee(new ParameterList(parameters), mailto(patient.email()));
	}

	private static URI mailto(String address) {
		try {
			// Quotes what an address may hold but a URI may not.
			return new URI("mailto", address, null);
		}
		catch (URISyntaxException ex) {
			throw new IllegalArgumentException("not an email address", ex);
		}
	}

	private static String write(Method method, VEvent event) {
		Calendar calendar = new Calendar().add(new ProdId("-//Gemini Health//Clinic pipeline//EN"))
			.add(ImmutableVersion.VERSION_2_0)
			.add(ImmutableCalScale.GREGORIAN)
			.add(method);
		calendar.add(event);
		return fold(calendar.toString());
	}

	/**
	 * Folds lines longer than {@value #FOLD_OCTETS} octets of UTF-8, never inside a
	 * character. ical4j's own folding counts characters, not octets, so an accented name
	 * or address would take a line past the limit.
	 */
	static String fold(String unfolded) {
		StringBuilder folded = new StringBuilder();
		for (String line : unfolded.split("\r\n")) {
			int octets = 0;
			for (int codePoint : line.codePoints().toArray()) {
				int size = Character.toString(codePoint).getBytes(StandardCharsets.UTF_8).length;
				if (octets + size > FOLD_OCTETS) {
					folded.append("\r\n ");
					octets = 1;
				}
				folded.appendCodePoint(codePoint);
				octets += size;
			}
			folded.append("\r\n");
		}
		return folded.toString();
	}

}
