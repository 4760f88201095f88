package com.geminihealth.intake.manage;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

import com.geminihealth.intake.decider.RequestStatus;
import com.geminihealth.schemas.booking.Language;
import com.geminihealth.schemas.booking.Patient;

/**
 * An appointment as its patient sees it through their link, in the location's local time.
 * Served only to the holder of the link.
 *
 * @param appointmentId the appointment
 * @param status CONFIRMED, CANCELLED, COMPLETED or NO_SHOW
 * @param location location id
 * @param service service id
 * @param practitioner practitioner id
 * @param practitionerName as patients know them
 * @param start local start
 * @param end local end
 * @param zone the location's time zone
 * @param sequence how often it was moved
 * @param language the patient's language
 * @param contact where the patient is reached: their mobile number, else their email
 * @param changeableUntil the last moment the patient may cancel or move it online
 * @param email where a change is confirmed by email; not served
 * @param textsTo where a change is confirmed by text, if the patient wants texts; not
 * served
 */
public record ManagedAppointment(String appointmentId, String status, String location, String service,
		String practitioner, String practitionerName, LocalDateTime start, LocalDateTime end, ZoneId zone, int sequence,
		Language language, String contact, LocalDateTime changeableUntil, @JsonIgnore String email,
		@JsonIgnore String textsTo) {

	static ManagedAppointment of(RequestStatus record, LocalDateTime changeableUntil) {
		var appointment = record.appointment();
		Patient patient = appointment.patient();
		return new ManagedAppointment(appointment.appointmentId().value(), record.state().name(),
				appointment.location().value(), appointment.service().value(), appointment.practitioner().value(),
				appointment.practitionerName(), local(appointment.start(), appointment.zone()),
				local(appointment.end(), appointment.zone()), appointment.zone(), appointment.sequence(),
				patient.language(), (patient.mobilePhone() != null) ? patient.mobilePhone() : patient.email(),
				changeableUntil, patient.email(), patient.consent().sms() ? patient.mobilePhone() : null);
	}

	/** Whether the patient may still cancel or move it online, at {@code now}. */
	public boolean changeable(Instant now) {
		return "CONFIRMED".equals(this.status) && now.isBefore(this.changeableUntil.atZone(this.zone).toInstant());
	}

	/** Whether the patient may still say they are coming, at {@code now}. */
	public boolean confirmable(Instant now) {
		return "CONFIRMED".equals(this.status) && now.isBefore(this.start.atZone(this.zone).toInstant());
	}

	private static LocalDateTime local(Instant instant, ZoneId zone) {
		return LocalDateTime.ofInstant(instant, zone);
	}

	@Override
	public String toString() {
		return "ManagedAppointment[" + this.appointmentId + ", " + this.status + ", " + this.start + "]";
	}

}
