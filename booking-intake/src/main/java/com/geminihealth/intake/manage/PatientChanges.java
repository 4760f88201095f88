package com.geminihealth.intake.manage;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import org.springframework.stereotype.Service;

import com.geminihealth.intake.destination.Destination;
import com.geminihealth.intake.destination.DestinationLimits;
import com.geminihealth.intake.web.LimitReached;
import com.geminihealth.platform.EventPublisher;
import com.geminihealth.schemas.Topics;
import com.geminihealth.schemas.booking.AppointmentId;
import com.geminihealth.schemas.booking.Author;
import com.geminihealth.schemas.booking.BookingCommand;
import com.geminihealth.schemas.booking.CancelAppointment;
import com.geminihealth.schemas.booking.CommandId;
import com.geminihealth.schemas.booking.LocationId;
import com.geminihealth.schemas.booking.PractitionerId;
import com.geminihealth.schemas.booking.RescheduleAppointment;
import com.geminihealth.schemas.patient.AttendanceConfirmed;
import com.geminihealth.schemas.patient.PatientContact;

/**
 * What a patient may do with their appointment, as commands signed by them: cancel it,
 * move it, say they are coming. Whether a move fits is the decider's call, as for a
 * booking. A change is confirmed by email and text, so it counts against what the public
 * doors may send one destination in a day, as a booking does: a link cannot pump texts by
 * moving an appointment back and forth.
 */
@Service
public class PatientChanges {

	private final EventPublisher publisher;

	private final Clock clock;

	private final DestinationLimits limits;

	PatientChanges(EventPublisher publisher, Clock clock, DestinationLimits limits) {
		this.publisher = publisher;
		this.clock = clock;
		this.limits = limits;
	}

	/**
	 * @throws LimitReached if the patient has had their day's messages
	 */
	public CommandId cancel(ManagedAppointment appointment, String reason) {
		CommandId id = CommandId.random();
		allow(id, appointment);
		send(new CancelAppointment(id, new LocationId(appointment.location()),
				AppointmentId.of(appointment.appointmentId()), reason, Author.PATIENT));
		return id;
	}

	/**
	 * Asks to move the appointment to {@code newStart}, wall-clock time at its location;
	 * {@code newOffset}, optional, picks one occurrence of a time the clocks repeat.
	 * @throws LimitReached if the patient has had their day's messages
	 */
	public CommandId move(ManagedAppointment appointment, LocalDateTime newStart, ZoneOffset newOffset,
			String practitioner) {
		CommandId id = CommandId.random();
		allow(id, appointment);
		send(new RescheduleAppointment(id, new LocationId(appointment.location()),
				AppointmentId.of(appointment.appointmentId()), newStart,
				(practitioner != null && !practitioner.isBlank()) ? new PractitionerId(practitioner) : null,
				Author.PATIENT, newOffset));
		return id;
	}

	/** As a "C" reply to a reminder does. */
	public void confirmAttendance(ManagedAppointment appointment) {
		AttendanceConfirmed confirmed = new AttendanceConfirmed(new PatientContact(appointment.contact()),
				this.clock.instant());
		this.publisher.publish(Topics.PATIENT_REPLIES, confirmed.contact(), confirmed);
	}

	private void allow(CommandId id, ManagedAppointment appointment) {
		this.limits.allow(id.uuid(), Destination.email("email", appointment.email()),
				Destination.text("mobilePhone", appointment.textsTo()));
	}

	private void send(BookingCommand command) {
		this.publisher.publish(Topics.BOOKING_COMMANDS, command.location(), command);
	}

}
