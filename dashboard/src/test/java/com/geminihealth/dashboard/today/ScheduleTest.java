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
import com.geminihealth.schemas.appointment.AppointmentCancelled;
import com.geminihealth.schemas.appointment.AppointmentConfirmed;
import com.geminihealth.schemas.appointment.AppointmentNoShow;
import com.geminihealth.schemas.appointment.AppointmentRescheduled;
import com.geminihealth.schemas.booking.CommandId;
import com.geminihealth.schemas.booking.PractitionerId;
import com.geminihealth.schemas.booking.RequestId;
import com.geminihealth.schemas.patient.AttendanceConfirmed;
import com.geminihealth.schemas.patient.PatientContact;

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
		apply(new AppointmentCancelled(CommandId.random(), cancelled, "patient called"));
		apply(new AppointmentNoShow(CommandId.random(), noShow));

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
		apply(new AppointmentRescheduled(CommandId.random(), moved, booked.start(), booked.practitioner()));

		assertThat(this.schedule.day(DAY, Appointments.TORONTO, null)).isEmpty();
		assertThat(this.schedule.day(DAY.plusDays(2), Appointments.TORONTO, null)).containsOnlyKeys("Daniel Okafor");
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
		apply(new AppointmentConfirmed(RequestId.random(), appointment));
		return appointment;
	}

	private void apply(com.geminihealth.schemas.appointment.AppointmentEvent event) {
		this.schedule.apply(this.events.of(Topics.APPOINTMENTS, event.appointmentId(), event));
	}

	private void apply(
			com.geminihealth.schemas.Topic<PatientContact, com.geminihealth.schemas.patient.PatientReply> topic,
			AttendanceConfirmed reply) {
		this.schedule.apply(this.events.of(topic, reply.contact(), reply));
	}

}
