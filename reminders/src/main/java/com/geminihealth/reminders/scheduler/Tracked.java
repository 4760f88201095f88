package com.geminihealth.reminders.scheduler;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import com.geminihealth.schemas.appointment.Appointment;

/**
 * The index by appointment: the appointment as last seen and everything scheduled for it,
 * in the order it fires, so that firing one entry finds the next and a cancellation or a
 * reschedule finds the one to remove.
 *
 * @param appointment the appointment as last seen
 * @param pending what is scheduled for it, in {@link Due#ORDER}; reminders that fired
 * stay listed until the session is over
 * @param confirmedByPatient whether the patient replied that they will come
 * @param sessionOver whether the thank-you went out (completed, or grace passed)
 */
record Tracked(Appointment appointment, List<Due> pending, boolean confirmedByPatient, boolean sessionOver) {

	static Tracked of(Appointment appointment) {
		return new Tracked(appointment, List.of(), false, false);
	}

	Tracked with(Appointment appointment) {
		return new Tracked(appointment, this.pending, this.confirmedByPatient, this.sessionOver);
	}

	Tracked withPending(List<Due> pending) {
		return new Tracked(this.appointment, pending.stream().sorted(Due.ORDER).toList(), this.confirmedByPatient,
				this.sessionOver);
	}

	Tracked adding(Due due) {
		List<Due> more = new ArrayList<>(this.pending);
		more.add(due);
		return withPending(more);
	}

	Tracked without(Predicate<Due> removed) {
		return withPending(this.pending.stream().filter(removed.negate()).toList());
	}

	Tracked confirmByPatient() {
		return new Tracked(this.appointment, this.pending, true, this.sessionOver);
	}

	Tracked endSession() {
		return new Tracked(this.appointment, this.pending, this.confirmedByPatient, true);
	}

	String id() {
		return this.appointment.appointmentId().value();
	}

}
