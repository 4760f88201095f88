package com.geminihealth.reminders.scheduler;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The index by patient: their appointments this scheduler still tracks, for a "C" reply
 * (which names only the patient) and for cancelling a follow-up when they book again.
 *
 * @param appointments the patient's tracked appointments
 */
record PatientAppointments(List<Booked> appointments) {

	static final PatientAppointments NONE = new PatientAppointments(List.of());

	PatientAppointments with(Booked booked) {
		List<Booked> more = new ArrayList<>(without(booked.appointmentId()).appointments);
		more.add(booked);
		return new PatientAppointments(List.copyOf(more));
	}

	PatientAppointments without(String appointmentId) {
		return new PatientAppointments(
				this.appointments.stream().filter((booked) -> !booked.appointmentId().equals(appointmentId)).toList());
	}

	/** The earliest appointment starting after {@code now}. */
	Optional<Booked> next(Instant now) {
		return this.appointments.stream()
			.filter((booked) -> booked.start().isAfter(now))
			.min(Comparator.comparing(Booked::start));
	}

	/**
	 * @param appointmentId the appointment
	 * @param location where it takes place
	 * @param start when it starts
	 */
	record Booked(String appointmentId, String location, Instant start) {
	}

}
