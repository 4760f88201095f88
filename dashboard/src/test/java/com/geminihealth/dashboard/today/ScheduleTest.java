package com.geminihealth.dashboard.today;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.geminihealth.dashboard.Appointments;
import com.geminihealth.dashboard.stream.Events;
import com.geminihealth.schemas.Topics;
import com.geminihealth.schemas.appointment.Appointment;
import com.geminihealth.schemas.appointment.AppointmentConfirmed;
import com.geminihealth.schemas.appointment.AppointmentState;
import com.geminihealth.schemas.appointment.AppointmentStatus;
import com.geminihealth.schemas.booking.PractitionerId;
import com.geminihealth.schemas.booking.RequestId;
import com.geminihealth.schemas.patient.AttendanceConfirmed;
import com.geminihealth.schemas.patient.PatientContact;
import com.geminihealth.schemas.privacy.ErasureId;
import com.geminihealth.schemas.privacy.ErasureRequested;

import static org.assertj.core.api.Assertions.assertThat;

class ScheduleTest {

	private static final LocalDate DAY = LocalDate.of(2026, 12, 1);

	private final Events events = new Events();

	private final Schedule schedule = new Schedule();

	@Test
	void listsTheDayPerPractitionerInStartOrderWithWhatTheDeciderDecided() {
		confirm("Carla Diaz", "+12895550001", 15);
		confirm("Dev Rao", "+12895550002", 9);
		Appointment cancelled = confirm("Eve Stone", "+12895550003", 11);
		Appointment noShow = confirm("Finn Hale", "+12895550004", 13);
		apply(cancelled, AppointmentStatus.CANCELLED);
		apply(noShow, AppointmentStatus.NO_SHOW);

		Map<String, List<Schedule.Visit>> day = this.schedule.day(DAY, Appointments.TORONTO, null);

		assertThat(day).containsOnlyKeys("Maya Chen");
		assertThat(day.get("Maya Chen"))
			.extracting((visit) -> visit.appointment().patient().firstName(), Schedule.Visit::status)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("Dev", Schedule.Status.CONFIRMED),
					org.assertj.core.groups.Tuple.tuple("Eve", Schedule.Status.CANCELLED),
					org.assertj.core.groups.Tuple.tuple("Finn", Schedule.Status.NO_SHOW),
					org.assertj.core.groups.Tuple.tuple("Carla", Schedule.Status.CONFIRMED));
		assertThat(this.schedule.day(DAY, Appointments.TORONTO, "oakville")).isEmpty();
	}

	@Test
	void movesARescheduledAppointmentToItsNewDayAndPractitioner() {
		Appointment booked = confirm("Gus Lee", "+12895550005", 10);
		Instant newStart = LocalDateTime.of(DAY.plusDays(2), java.time.LocalTime.of(12, 0))
			.atZone(Appointments.TORONTO)
			.toInstant();
		Appointment moved = new Appointment(booked.appointmentId(), booked.location(), booked.service(),
				new PractitionerId("daniel-okafor"), "Daniel Okafor", newStart, newStart.plusSeconds(3600),
				booked.zone(), booked.patient(), null, 1);
		apply(moved, AppointmentStatus.CONFIRMED);

		assertThat(this.schedule.day(DAY, Appointments.TORONTO, null)).isEmpty();
		assertThat(this.schedule.day(DAY.plusDays(2), Appointments.TORONTO, null)).containsOnlyKeys("Daniel Okafor");
	}

	@Test
	void showsAnAppointmentBookedLongAgoFromItsStateAloneAndForgetsItOnATombstone() {
		Appointment longAgo = confirm("Ola Berg", "+12895550008", 10);

		assertThat(this.schedule.visit(longAgo.appointmentId())).isPresent();
		this.schedule.apply(this.events.of(Topics.APPOINTMENT_STATES, longAgo.appointmentId(), null));
		assertThat(this.schedule.visit(longAgo.appointmentId())).isEmpty();
	}

	@Test
	void ignoresTheAppointmentEventsWhoseOutcomeTheStatesCarry() {
		Appointment appointment = Appointments.of("Pat Quill", "+12895550014",
				DAY.atTime(9, 0).atZone(Appointments.TORONTO).toInstant(), null);
		this.schedule.apply(this.events.of(Topics.APPOINTMENTS, appointment.appointmentId(),
				new AppointmentConfirmed(RequestId.random(), appointment)));

		assertThat(this.schedule.visit(appointment.appointmentId())).isEmpty();
	}

	@Test
	void anonymisesTheErasedPatientsAppointmentsAndKeepsTheirSlots() {
		Appointment erased = confirm("Rae Stone", "+12895550015", 9);
		Appointment other = confirm("Sam Tate", "+12895550016", 11);
		ErasureRequested erasure = new ErasureRequested(ErasureId.random(), null, "+12895550015", "ops", Instant.now());
		this.schedule.apply(this.events.of(Topics.ERASURES, erasure.erasureId(), erasure));

		Schedule.Visit visit = this.schedule.visit(erased.appointmentId()).orElseThrow();
		assertThat(visit.appointment().patient().mobilePhone()).isNull();
		assertThat(visit.appointment().patient().name()).doesNotContain("Rae");
		assertThat(visit.appointment().start()).isEqualTo(erased.start());
		assertThat(visit.status()).isEqualTo(Schedule.Status.CONFIRMED);
		assertThat(this.schedule.visit(other.appointmentId()).orElseThrow().appointment()).isEqualTo(other);
	}

	@Test
	void marksThePatientsNextAppointmentConfirmedByPatientWhenTheyReplyC() {
		Appointment first = confirm("Hana Ito", "+12895550006", 9);
		Appointment second = confirm("Hana Ito", "+12895550006", 16);
		Appointment someoneElse = confirm("Ivan Petrov", "+12895550007", 10);
		Instant dayBefore = first.start().minusSeconds(86_400);
		apply(Topics.PATIENT_REPLIES, new AttendanceConfirmed(new PatientContact("+12895550006"), dayBefore));

		assertThat(this.schedule.visit(first.appointmentId()).orElseThrow().status())
			.isEqualTo(Schedule.Status.CONFIRMED_BY_PATIENT);
		assertThat(this.schedule.visit(second.appointmentId()).orElseThrow().status())
			.isEqualTo(Schedule.Status.CONFIRMED);
		assertThat(this.schedule.visit(someoneElse.appointmentId()).orElseThrow().status())
			.isEqualTo(Schedule.Status.CONFIRMED);
	}

	private Appointment confirm(String name, String phone, int hour) {
		Appointment appointment = Appointments.of(name, phone,
				DAY.atTime(hour, 0).atZone(Appointments.TORONTO).toInstant(), null);
		apply(appointment, AppointmentStatus.CONFIRMED);
		return appointment;
	}

	private void apply(Appointment appointment, AppointmentStatus status) {
		this.schedule.apply(this.events.of(Topics.APPOINTMENT_STATES, appointment.appointmentId(),
				new AppointmentState(appointment, status, Instant.now())));
	}

	private void apply(
			com.geminihealth.schemas.Topic<PatientContact, com.geminihealth.schemas.patient.PatientReply> topic,
			AttendanceConfirmed reply) {
		this.schedule.apply(this.events.of(topic, reply.contact(), reply));
	}

}
