package com.geminihealth.schemas.appointment;

import java.time.Instant;
import java.time.ZoneId;

import com.geminihealth.schemas.Redact;
import com.geminihealth.schemas.booking.AppointmentId;
import com.geminihealth.schemas.booking.LocationId;
import com.geminihealth.schemas.booking.Patient;
import com.geminihealth.schemas.booking.PractitionerId;
import com.geminihealth.schemas.booking.Screening;
import com.geminihealth.schemas.booking.ServiceId;

/**
 * An appointment as the decider last decided it. Every appointment event carries the
 * whole of it, so a consumer needs no lookup to act. Instants are UTC; {@code zone} is
 * the location's, for rendering and for local-time rules. {@code sequence} starts at 0
 * and grows with each reschedule (the iCalendar SEQUENCE). {@code screening} is optional:
 * what the booking form's screening questions found, for the front desk only (see
 * {@link Screening}); it stays with the appointment through a reschedule.
 */
public record Appointment(AppointmentId appointmentId, LocationId location, ServiceId service,
		PractitionerId practitioner, String practitionerName, Instant start, Instant end, ZoneId zone, Patient patient,
		String notes, int sequence, Screening screening) {

	/**
	 * An appointment with no screening answers: booked by a door that does not ask them,
	 * or anonymised, which drops them with the rest of the patient's data.
	 */
	public Appointment(AppointmentId appointmentId, LocationId location, ServiceId service, PractitionerId practitioner,
			String practitionerName, Instant start, Instant end, ZoneId zone, Patient patient, String notes,
			int sequence) {
		this(appointmentId, location, service, practitioner, practitionerName, start, end, zone, patient, notes,
				sequence, null);
	}

	@Override
	public String toString() {
		return "Appointment[" + this.appointmentId + ", " + this.location + ", " + this.service + ", "
				+ this.practitioner + ", " + this.start + "-" + this.end + " " + this.zone + ", " + this.patient
				+ ", notes=" + Redact.text(this.notes) + ", sequence=" + this.sequence + "]";
	}

}
