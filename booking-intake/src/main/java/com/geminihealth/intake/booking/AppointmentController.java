package com.geminihealth.intake.booking;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.UUID;

import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.util.StringUtils;

import com.geminihealth.intake.clinic.ClinicProperties;
import com.geminihealth.intake.web.InvalidFields;
import com.geminihealth.platform.EventPublisher;
import com.geminihealth.schemas.Topics;
import com.geminihealth.schemas.booking.AppointmentId;
import com.geminihealth.schemas.booking.BookingCommand;
import com.geminihealth.schemas.booking.CancelAppointment;
import com.geminihealth.schemas.booking.CommandId;
import com.geminihealth.schemas.booking.LocationId;
import com.geminihealth.schemas.booking.PractitionerId;
import com.geminihealth.schemas.booking.RescheduleAppointment;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Cancel and reschedule, as commands on the same stream as bookings. */
@RestController
@RequestMapping("/api/appointments/{appointmentId}")
@Tag(name = "Appointments")
class AppointmentController {

	private final EventPublisher publisher;

	private final ClinicProperties clinic;

	private final Clock clock;

	AppointmentController(EventPublisher publisher, ClinicProperties clinic, Clock clock) {
		this.publisher = publisher;
		this.clinic = clinic;
		this.clock = clock;
	}

	@PostMapping("/cancel")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "Cancel an appointment", description = "Frees the slot; the patient is told.")
	CommandAccepted cancel(@PathVariable UUID appointmentId, @Valid @RequestBody ChangeRequests.Cancel body) {
		requireKnownLocation(body.location(), InvalidFields.builder()).throwIfAny();
		CommandId commandId = CommandId.random();
		return send(commandId, new CancelAppointment(commandId, new LocationId(body.location()),
				new AppointmentId(appointmentId), body.reason()));
	}

	@PostMapping("/reschedule")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "Move an appointment",
			description = "Atomic: the new slot is confirmed before the old one is freed; "
					+ "if the new slot is taken the appointment stays where it was.")
	CommandAccepted reschedule(@PathVariable UUID appointmentId, @Valid @RequestBody ChangeRequests.Reschedule body) {
		InvalidFields.Builder problems = requireKnownLocation(body.location(), InvalidFields.builder());
		ClinicProperties.Location location = this.clinic.locations().get(body.location());
		if (location != null && !body.newStart().isAfter(LocalDateTime.now(this.clock.withZone(location.zone())))) {
			problems.add("newStart", "must be in the future");
		}
		if (StringUtils.hasText(body.practitioner()) && !this.clinic.practitioners().containsKey(body.practitioner())) {
			problems.add("practitioner", "is not one of our practitioners");
		}
		problems.throwIfAny();
		PractitionerId practitioner = StringUtils.hasText(body.practitioner()) ? new PractitionerId(body.practitioner())
				: null;
		CommandId commandId = CommandId.random();
		return send(commandId, new RescheduleAppointment(commandId, new LocationId(body.location()),
				new AppointmentId(appointmentId), body.newStart(), practitioner));
	}

	private InvalidFields.Builder requireKnownLocation(String location, InvalidFields.Builder problems) {
		if (!this.clinic.locations().containsKey(location)) {
			problems.add("location", "is not one of our locations");
		}
		return problems;
	}

	private CommandAccepted send(CommandId commandId, BookingCommand command) {
		this.publisher.publish(Topics.BOOKING_COMMANDS, command.location(), command);
		return new CommandAccepted(commandId.value(), "PENDING");
	}

	/**
	 * @param commandId the command's id; its outcome arrives on the appointment stream
	 * @param status always PENDING
	 */
	record CommandAccepted(String commandId, String status) {
	}

}
