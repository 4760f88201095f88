package com.geminihealth.notifications.email;

import java.time.Instant;

import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

import com.geminihealth.schemas.Examples;
import com.geminihealth.schemas.appointment.Appointment;
import com.geminihealth.schemas.appointment.AppointmentConfirmed;
import com.geminihealth.schemas.booking.Language;
import com.geminihealth.schemas.booking.Patient;

import static org.assertj.core.api.Assertions.assertThat;

class CalendarInviteTest {

	static final Instant NOW = Instant.parse("2026-12-01T14:30:00Z");

	static final String LINK = "http://localhost:8080/m/PyuMHl1KTnucHyptjgtMcQIQv3jfkff-X7pM9xGd68lw";

	/** Long enough, and accented enough, to need folding by octets. */
	static final String LOCATION = "Gemini Health Côte-des-Neiges, 5165 chemin de la Côte-Sainte-Catherine, "
			+ "Montréal, QC H3T 1C5";

	final Appointment appointment = appointment(
			new Patient("Élodie \"Lo\" Tremblay, fils", "elodie@example.com", null, Language.FR, null), 2);

	final CalendarInvite invite = new CalendarInvite(this.appointment, "Gemini Health Group - Hélène Côté-Bélanger",
			LOCATION, "Gemini Health Group", "appointments@geminihealth.example", NOW);

	@Test
	void invitesThePatientFromTheClinicToTheAppointmentAsItStands() throws Exception {
		String ics = this.invite.request(LINK);

		VEvent event = Invitations.parse(ics);
		assertThat(Invitations.method(ics)).isEqualTo("REQUEST");
		assertThat(value(event, "UID")).isEqualTo(this.appointment.appointmentId().value() + "@geminihealth.com");
		assertThat(value(event, "SEQUENCE")).isEqualTo("2");
		assertThat(value(event, "DTSTAMP")).isEqualTo("20261201T143000Z");
		assertThat(Instant.from(event.getStartDate().orElseThrow().getDate())).isEqualTo(this.appointment.start());
		assertThat(Instant.from(event.getEndDate().orElseThrow().getDate())).isEqualTo(this.appointment.end());
		assertThat(value(event, "DTSTART")).endsWith("Z");
		assertThat(value(event, "LOCATION")).isEqualTo(LOCATION);
		assertThat(value(event, "SUMMARY")).isEqualTo("Gemini Health Group - Hélène Côté-Bélanger");
		assertThat(value(event, "URL")).isEqualTo(LINK);
		assertThat(value(event, "STATUS")).isEqualTo("CONFIRMED");
		Property organizer = event.getRequiredProperty("ORGANIZER");
		assertThat(organizer.getValue()).isEqualTo("mailto:appointments@geminihealth.example");
		assertThat(parameter(organizer, "CN")).isEqualTo("Gemini Health Group");
		Property attendee = event.getRequiredProperty("ATTENDEE");
		assertThat(attendee.getValue()).isEqualTo("mailto:elodie@example.com");
		assertThat(parameter(attendee, "CN")).isEqualTo("Élodie \"Lo\" Tremblay, fils");
		assertThat(parameter(attendee, "ROLE")).isEqualTo("REQ-PARTICIPANT");
		assertThat(parameter(attendee, "PARTSTAT")).isEqualTo("ACCEPTED");
		assertThat(parameter(attendee, "RSVP")).isEqualTo("FALSE");
	}

	@Test
	void foldsLongLinesAtSeventyFiveOctetsNotCharacters() throws Exception {
		String ics = this.invite.request(LINK);

		// Written unfolded, the LOCATION line would take 111 octets.
		assertThat(ics).contains("\r\n ");
		assertThat(value(Invitations.parse(ics), "LOCATION")).isEqualTo(LOCATION);
		assertThat(CalendarInvite.fold("X:" + "é".repeat(40) + "\r\n"))
			.isEqualTo("X:" + "é".repeat(36) + "\r\n " + "é".repeat(4) + "\r\n");
	}

	@Test
	void cancelsTheEventForThePatient() throws Exception {
		String ics = this.invite.cancel();

		VEvent event = Invitations.parse(ics);
		assertThat(Invitations.method(ics)).isEqualTo("CANCEL");
		assertThat(value(event, "STATUS")).isEqualTo("CANCELLED");
		assertThat(value(event, "SEQUENCE")).isEqualTo("2");
		assertThat(event.getRequiredProperty("ATTENDEE").getValue()).isEqualTo("mailto:elodie@example.com");
		assertThat(event.getProperty("URL")).isEmpty();
	}

	static Appointment appointment(Patient patient, int sequence) {
		Appointment a = Examples.of(AppointmentConfirmed.class).appointment();
		return new Appointment(a.appointmentId(), a.location(), a.service(), a.practitioner(), a.practitionerName(),
				a.start(), a.end(), a.zone(), patient, null, sequence);
	}

	static String value(VEvent event, String property) {
		return event.getRequiredProperty(property).getValue();
	}

	static String parameter(Property property, String name) {
		return property.<Parameter>getParameter(name).orElseThrow().getValue();
	}

}
