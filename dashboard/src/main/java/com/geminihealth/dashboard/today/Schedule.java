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

import com.geminihealth.dashboard.stream.EventDecoder;
import com.geminihealth.dashboard.stream.PipelineEvent;
import com.geminihealth.dashboard.stream.ReadModel;
import com.geminihealth.schemas.appointment.Appointment;
import com.geminihealth.schemas.appointment.AppointmentCancelled;
import com.geminihealth.schemas.appointment.AppointmentCompleted;
import com.geminihealth.schemas.appointment.AppointmentConfirmed;
import com.geminihealth.schemas.appointment.AppointmentNoShow;
import com.geminihealth.schemas.appointment.AppointmentRescheduled;
import com.geminihealth.schemas.booking.AppointmentId;
import com.geminihealth.schemas.patient.AttendanceConfirmed;

/**
 * Every appointment the decider confirmed, with where it stands now: the decider's own
 * decisions (cancelled, moved, completed, no-show) and the patient's "C" reply.
 */
@Component
public class Schedule implements ReadModel {

	private final Map<AppointmentId, Visit> visits = new LinkedHashMap<>();

	@Override
	public synchronized void apply(PipelineEvent event) {
		Object value = event.value();
		if (value instanceof AttendanceConfirmed confirmed) {
			confirmedByPatient(confirmed.contact().value(), confirmed.receivedAt());
			return;
		}
		Appointment appointment = EventDecoder.appointmentOf(value);
		if (appointment == null) {
			return;
		}
		Status status = null;
		if (value instanceof AppointmentConfirmed || value instanceof AppointmentRescheduled) {
			status = Status.CONFIRMED;
		}
		else if (value instanceof AppointmentCancelled) {
			status = Status.CANCELLED;
		}
		else if (value instanceof AppointmentCompleted) {
			status = Status.COMPLETED;
		}
		else if (value instanceof AppointmentNoShow) {
			status = Status.NO_SHOW;
		}
		if (status != null) {
			this.visits.put(appointment.appointmentId(), new Visit(appointment, status));
		}
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

	public synchronized Optional<Visit> visit(AppointmentId id) {
		return Optional.ofNullable(this.visits.get(id));
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
