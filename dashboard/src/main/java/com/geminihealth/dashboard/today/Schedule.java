package com.geminihealth.dashboard.today;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import com.geminihealth.dashboard.stream.ErasedPatient;
import com.geminihealth.dashboard.stream.PipelineEvent;
import com.geminihealth.dashboard.stream.ReadModel;
import com.geminihealth.schemas.Topics;
import com.geminihealth.schemas.appointment.Appointment;
import com.geminihealth.schemas.appointment.AppointmentState;
import com.geminihealth.schemas.booking.AppointmentId;
import com.geminihealth.schemas.patient.AttendanceConfirmed;
import com.geminihealth.schemas.privacy.ErasureRequested;

/**
 * Every appointment as it stands, read from the decider's compacted appointment states
 * rather than from its events: the states are kept for good, so an appointment booked
 * months ago is still here after a restart, whatever the events' retention. The patient's
 * "C" reply marks their next appointment confirmed by them.
 */
@Component
public class Schedule implements ReadModel {

	private final Map<AppointmentId, Visit> visits = new LinkedHashMap<>();

	@Override
	public synchronized void apply(PipelineEvent event) {
		Object value = event.value();
		if (value instanceof AttendanceConfirmed confirmed) {
			confirmedByPatient(confirmed.contact().value(), confirmed.receivedAt());
		}
		else if (value instanceof AppointmentState state) {
			this.visits.put(state.appointmentId(), new Visit(state.appointment(), status(state)));
		}
		else if (event.removes(Topics.APPOINTMENT_STATES)) {
			this.visits.remove(AppointmentId.of(event.removedKey()));
		}
		else if (value instanceof ErasureRequested erasure) {
			ErasedPatient erased = ErasedPatient.of(erasure);
			// The calendar stays right: the slot is still taken, by nobody we can name.
			this.visits.replaceAll((id, visit) -> erased.is(visit.appointment().patient())
					? new Visit(ErasedPatient.anonymised(visit.appointment()), visit.status()) : visit);
		}
	}

	private static Status status(AppointmentState state) {
		return switch (state.status()) {
			case CONFIRMED -> Status.CONFIRMED;
			case CANCELLED -> Status.CANCELLED;
			case COMPLETED -> Status.COMPLETED;
			case NO_SHOW -> Status.NO_SHOW;
		};
	}

	/**
	 * A "C" reply confirms the patient's next appointment that is still ahead of the
	 * reply.
	 */
	private void confirmedByPatient(String contact, Instant receivedAt) {
		this.visits.values()
			.stream()
			.filter((visit) -> visit.status() == Status.CONFIRMED)
			.filter((visit) -> contact.equals(visit.appointment().patient().mobilePhone())
					|| contact.equals(visit.appointment().patient().email()))
			.filter((visit) -> visit.appointment().end().isAfter(receivedAt))
			.min(Comparator.comparing((Visit visit) -> visit.appointment().start()))
			.ifPresent((visit) -> this.visits.put(visit.appointment().appointmentId(),
					new Visit(visit.appointment(), Status.CONFIRMED_BY_PATIENT)));
	}

	/**
	 * The appointments of the patient reached at {@code contact}, an email address or a
	 * phone number, the latest first.
	 */
	public synchronized List<Appointment> appointmentsOf(String contact) {
		return this.visits.values()
			.stream()
			.map(Visit::appointment)
			.filter((appointment) -> contact.equalsIgnoreCase(String.valueOf(appointment.patient().email()))
					|| contact.equals(appointment.patient().mobilePhone()))
			.sorted(Comparator.comparing(Appointment::start).reversed())
			.toList();
	}

	public synchronized Optional<Visit> visit(AppointmentId id) {
		return Optional.ofNullable(this.visits.get(id));
	}

	/**
	 * The appointments still standing (confirmed, by the clinic or the patient) that end
	 * after {@code now}, in start order: those a change of hours may put in conflict.
	 */
	public synchronized List<Appointment> upcoming(Instant now) {
		return this.visits.values()
			.stream()
			.filter(Visit::open)
			.map(Visit::appointment)
			.filter((appointment) -> appointment.end().isAfter(now))
			.sorted(Comparator.comparing(Appointment::start))
			.toList();
	}

	/**
	 * The day's appointments in {@code zone}, per practitioner (by name), each in start
	 * order.
	 */
	public synchronized Map<String, List<Visit>> day(LocalDate date, ZoneId zone, String location) {
		Map<String, List<Visit>> byPractitioner = new LinkedHashMap<>();
		this.visits.values()
			.stream()
			.filter((visit) -> LocalDate.ofInstant(visit.appointment().start(), zone).equals(date))
			.filter((visit) -> location == null || location.isBlank()
					|| location.equals(visit.appointment().location().value()))
			.sorted(Comparator.comparing((Visit visit) -> visit.appointment().practitionerName())
				.thenComparing((visit) -> visit.appointment().start()))
			.forEach((visit) -> byPractitioner
				.computeIfAbsent(visit.appointment().practitionerName(), (name) -> new ArrayList<>())
				.add(visit));
		return byPractitioner;
	}

	/** An appointment and where it stands. */
	public record Visit(Appointment appointment, Status status) {

		public boolean open() {
			return this.status == Status.CONFIRMED || this.status == Status.CONFIRMED_BY_PATIENT;
		}

	}

	public enum Status {

		CONFIRMED("Confirmed"), CONFIRMED_BY_PATIENT("Confirmed by patient"), CANCELLED("Cancelled"),
		COMPLETED("Completed"), NO_SHOW("No-show");

		private final String label;

		Status(String label) {
			this.label = label;
		}

		public String label() {
			return this.label;
		}

		public String css() {
			return name().toLowerCase().replace('_', '-');
		}

	}

}
