package com.geminihealth.intake.decider;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import com.geminihealth.schemas.appointment.Appointment;
import com.geminihealth.schemas.appointment.AppointmentDeclined;
import com.geminihealth.schemas.appointment.CommandRejected;
import com.geminihealth.schemas.appointment.DeclineReason;
import com.geminihealth.schemas.appointment.Slot;

/**
 * The decider's record of one booking request, keyed by request (= appointment) id: where
 * it stands, which is what the status URL answers, and, once confirmed, the appointment
 * as last decided.
 *
 * @param state where the request stands
 * @param appointment the appointment, once confirmed
 * @param occupiedUntil when the practitioner is free again: the end plus the service's
 * buffer
 * @param reason why the request (or the last reschedule) was declined
 * @param alternatives open slots offered instead
 * @param zone the location's time zone, for showing times
 * @param location where it was asked for
 * @param service what was asked for
 * @param detail why the request was rejected: each way it broke the contract, as
 * {@code $.path: message}
 * @param decidedAt when the last decision about it was made (the broker's time of the
 * command): a declined or rejected request is forgotten a while after it
 */
public record RequestStatus(State state, Appointment appointment, Instant occupiedUntil, DeclineReason reason,
		List<Slot> alternatives, ZoneId zone, String location, String service, String detail, Instant decidedAt) {

	/** What every request is until the decider has answered it. */
	public static final RequestStatus PENDING = new RequestStatus(State.PENDING, null, null, null, List.of(), null,
			null, null, null, null);

	public RequestStatus {
		alternatives = (alternatives != null) ? List.copyOf(alternatives) : List.of();
	}

	/** Where a request stands. */
	public enum State {

		PENDING, CONFIRMED, DECLINED, CANCELLED, COMPLETED, NO_SHOW,

		/** Refused without a decision: the request broke the contract. */
		REJECTED,

		/**
		 * A freed slot held for a patient on the waitlist until the offer expires; the
		 * appointment is what it becomes if they claim it, when it is {@link #CONFIRMED}.
		 */
		OFFERED,

		/** A waitlist offer not claimed in time: the slot went to the next in line. */
		OFFER_EXPIRED,

		/**
		 * A waitlist offer claimed too late: it had expired, and the slot went to someone
		 * else.
		 */
		OFFER_LOST;

		/**
		 * Whether this is a waitlist offer's state, not yet (or never) an appointment.
		 */
		public boolean offer() {
			return this == OFFERED || this == OFFER_EXPIRED || this == OFFER_LOST;
		}

	}

	static RequestStatus declined(AppointmentDeclined declined, Instant at) {
		return new RequestStatus(State.DECLINED, null, null, declined.reason(), declined.alternatives(),
				declined.zone(), declined.location().value(), declined.service().value(), null, at);
	}

	static RequestStatus rejected(CommandRejected rejected, Instant at) {
		return new RequestStatus(State.REJECTED, null, null, null, List.of(), null, null, null, rejected.detail(), at);
	}

	static RequestStatus confirmed(Appointment appointment, Instant occupiedUntil, Instant at) {
		return new RequestStatus(State.CONFIRMED, appointment, occupiedUntil, null, List.of(), appointment.zone(),
				appointment.location().value(), appointment.service().value(), null, at);
	}

	/** The same appointment, moved on to {@code next} at {@code at}. */
	RequestStatus with(State next, Instant at) {
		return new RequestStatus(next, this.appointment, this.occupiedUntil, this.reason, this.alternatives, this.zone,
				this.location, this.service, this.detail, at);
	}

	/** The same appointment, kept after a reschedule that could not be met. */
	RequestStatus withRefusal(DeclineReason refusal, List<Slot> offered) {
		return new RequestStatus(this.state, this.appointment, this.occupiedUntil, refusal, offered, this.zone,
				this.location, this.service, this.detail, this.decidedAt);
	}

	/**
	 * The same request with its patient and notes erased; its appointment stays, for the
	 * calendar.
	 */
	RequestStatus anonymised() {
		if (this.appointment == null) {
			return this;
		}
		Appointment a = this.appointment;
		Appointment erased = new Appointment(a.appointmentId(), a.location(), a.service(), a.practitioner(),
				a.practitionerName(), a.start(), a.end(), a.zone(), ErasedPatient.of(a.patient()), null, a.sequence());
		return new RequestStatus(this.state, erased, this.occupiedUntil, this.reason, this.alternatives, this.zone,
				this.location, this.service, this.detail, this.decidedAt);
	}

	/** The practitioner's time this appointment takes. */
	Booked booked() {
		return new Booked(this.appointment.appointmentId().value(), this.appointment.start(), this.occupiedUntil);
	}

}
