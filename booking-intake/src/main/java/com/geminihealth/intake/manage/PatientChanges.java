package com.geminihealth.intake.manage;

import java.time.Clock;
import java.time.LocalDateTime;

import org.springframework.stereotype.Service;

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
 * booking.
 */
@Service
public class PatientChanges {

	private final EventPublisher publisher;

	private final Clock clock;

	PatientChanges(EventPublisher publisher, Clock clock) {
		this.publisher = publisher;
		this.clock = clock;
	}

	public CommandId cancel(ManagedAppointment appointment, String reason) {
		CommandId id = CommandId.random();
		send(new CancelAppointment(id, new LocationId(appointment.location()),
				AppointmentId.of(appointment.appointmentId()), reason, Author.PATIENT));
		return id;
	}

	public CommandId move(ManagedAppointment appointment, LocalDateTime newStart, String practitioner) {
		CommandId id = CommandId.random();
		send(new RescheduleAppointment(id, new LocationId(appointment.location()),
				AppointmentId.of(appointment.appointmentId()), newStart,
				(practitioner != null && !practitioner.isBlank()) ? new PractitionerId(practitioner) : null,
				Author.PATIENT));
		return id;
	}

	/** As a "C" reply to a reminder does. */
	public void confirmAttendance(ManagedAppointment appointment) {
		AttendanceConfirmed confirmed = new AttendanceConfirmed(new PatientContact(appointment.contact()),
				this.clock.instant());
		this.publisher.publish(Topics.PATIENT_REPLIES, confirmed.contact(), confirmed);
	}

	private void send(BookingCommand command) {
		this.publisher.publish(Topics.BOOKING_COMMANDS, command.location(), command);
	}

}
