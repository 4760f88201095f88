package com.geminihealth.intake.decider;

import java.time.LocalDate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.geminihealth.schemas.appointment.Appointment;
import com.geminihealth.schemas.appointment.AppointmentConfirmed;
import com.geminihealth.schemas.appointment.AppointmentEvent;
import com.geminihealth.schemas.appointment.AppointmentRescheduled;
import com.geminihealth.schemas.booking.BookAppointment;
import com.geminihealth.schemas.booking.Screening;

import static com.geminihealth.intake.decider.DeciderDriver.book;
import static com.geminihealth.intake.decider.DeciderDriver.reschedule;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A red flag from the booking form's screening still books, and reaches the front desk on
 * the appointment: on the confirmation, on the appointment's state, and after a move.
 */
class DeciderScreeningTest {

	static final LocalDate MONDAY = DeciderTest.MONDAY;

	final DeciderDriver decider = new DeciderDriver();

	@AfterEach
	void close() {
		this.decider.close();
	}

	@Test
	void booksARedFlaggedRequestAndCarriesTheFlagOntoTheAppointmentAndItsState() {
		Appointment appointment = confirmed(this.decider.send(screened(MONDAY.atTime(10, 0), Screening.RED_FLAGS)));

		assertThat(appointment.screening()).isEqualTo(Screening.RED_FLAGS);
		assertThat(this.decider.states()).last()
			.satisfies(
					(state) -> assertThat(state.getValue().appointment().screening()).isEqualTo(Screening.RED_FLAGS));
	}

	@Test
	void keepsTheFlagWhenTheAppointmentMoves() {
		Appointment booked = confirmed(this.decider.send(screened(MONDAY.atTime(10, 0), Screening.RED_FLAGS)));

		AppointmentEvent moved = this.decider.send(reschedule(booked.appointmentId(), MONDAY.atTime(14, 0), null));

		assertThat(moved).isInstanceOfSatisfying(AppointmentRescheduled.class,
				(rescheduled) -> assertThat(rescheduled.appointment().screening()).isEqualTo(Screening.RED_FLAGS));
	}

	@Test
	void leavesTheScreeningOutWhenTheDoorAskedNothing() {
		Appointment appointment = confirmed(this.decider.send(book("ana", "massage-60", MONDAY.atTime(11, 0))));

		assertThat(appointment.screening()).isNull();
	}

	private static BookAppointment screened(java.time.LocalDateTime start, Screening screening) {
		BookAppointment plain = book("ana", "massage-60", start);
		return new BookAppointment(plain.requestId(), plain.location(), plain.service(), plain.practitioner(),
				plain.requestedStart(), plain.patient(), null, null, plain.channel(), null, screening);
	}

	private static Appointment confirmed(AppointmentEvent event) {
		assertThat(event).isInstanceOf(AppointmentConfirmed.class);
		return ((AppointmentConfirmed) event).appointment();
	}

}
