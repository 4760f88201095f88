package com.geminihealth.intake.decider;

import java.time.Instant;

import com.geminihealth.schemas.appointment.Appointment;

/** The decider's own record of an appointment: as last decided, and where it stands. */
record Booking(Appointment appointment, Status status, Instant occupiedUntil) {

	enum Status {

		CONFIRMED, CANCELLED, COMPLETED, NO_SHOW

	}

	Booking with(Status newStatus) {
		return new Booking(this.appointment, newStatus, this.occupiedUntil);
	}

	Booked booked() {
		return new Booked(this.appointment.appointmentId().value(), this.appointment.start(), this.occupiedUntil);
	}

}
