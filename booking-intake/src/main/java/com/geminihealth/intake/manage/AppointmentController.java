package com.geminihealth.intake.manage;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.geminihealth.platform.clinic.ClinicProperties;
import com.geminihealth.intake.web.Forwarding;
import com.geminihealth.intake.web.InvalidFields;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * An appointment over the API, for its patient only: every call carries the token of
 * their manage link as {@code Authorization: Bearer <token>}. Front-desk changes go
 * through the dashboard, and partner systems through the signed integration endpoint.
 */
@RestController
@RequestMapping("/api/appointments/{appointmentId}")
@Tag(name = "Appointments")
class AppointmentController {

	private final PatientAccess access;

	private final PatientChanges changes;

	private final ClinicProperties clinic;

	private final Clock clock;

	AppointmentController(PatientAccess access, PatientChanges changes, ClinicProperties clinic, Clock clock) {
		this.access = access;
		this.changes = changes;
		this.clinic = clinic;
		this.clock = clock;
	}

	@GetMapping
	@Operation(summary = "Read one's appointment", description = "With the token from the manage link.")
	@ApiResponse(responseCode = "401", description = "No token")
	@ApiResponse(responseCode = "403", description = "The token does not open this appointment (any more)")
	ResponseEntity<?> read(@PathVariable UUID appointmentId,
			@Parameter(description = "Bearer <token from the manage link>") @RequestHeader(
					name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
			@RequestHeader(name = Forwarding.HEADER, required = false) String forwarded) {
		return withAppointment(appointmentId, authorization, forwarded != null, ResponseEntity::ok);
	}

	@PostMapping("/cancel")
	@Operation(summary = "Cancel one's appointment",
			description = "Frees the slot; the patient is told. Online until the clinic's notice before the start.")
	@ApiResponse(responseCode = "202", description = "On Kafka, to be applied")
	@ApiResponse(responseCode = "409", description = "Too close to the start to change online; call the clinic")
	ResponseEntity<?> cancel(@PathVariable UUID appointmentId,
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
			@Valid @RequestBody(required = false) Cancel body) {
		return withChangeable(appointmentId, authorization, (appointment) -> accepted(
				this.changes.cancel(appointment, (body != null) ? body.reason() : null).value()));
	}

	@PostMapping("/reschedule")
	@Operation(summary = "Move one's appointment",
			description = "Atomic: the new slot is confirmed before the old one is freed; if it is taken the "
					+ "appointment stays where it was. The manage link of the old time stops working once moved.")
	@ApiResponse(responseCode = "202", description = "On Kafka, to be decided")
	@ApiResponse(responseCode = "409", description = "Too close to the start to change online; call the clinic")
	ResponseEntity<?> reschedule(@PathVariable UUID appointmentId,
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
			@Valid @RequestBody Reschedule body) {
		return withChangeable(appointmentId, authorization, (appointment) -> {
			InvalidFields.Builder problems = InvalidFields.builder();
			if (!body.newStart().isAfter(LocalDateTime.now(this.clock.withZone(appointment.zone())))) {
				problems.add("newStart", "must be in the future");
			}
			if (StringUtils.hasText(body.practitioner())
					&& !this.clinic.practitioners().containsKey(body.practitioner())) {
				problems.add("practitioner", "is not one of our practitioners");
			}
			problems.throwIfAny();
			return accepted(
					this.changes.move(appointment, body.newStart(), body.newOffset(), body.practitioner()).value());
		});
	}

	@PostMapping("/confirm")
	@Operation(summary = "Say one is coming", description = "As replying C to a reminder.")
	ResponseEntity<?> confirm(@PathVariable UUID appointmentId,
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
		return withAppointment(appointmentId, authorization, false, (appointment) -> {
			if (!appointment.confirmable(this.clock.instant())) {
				return problem(HttpStatus.CONFLICT, "this appointment is no longer ahead");
			}
			this.changes.confirmAttendance(appointment);
			return ResponseEntity.accepted().body(new Accepted(null, "CONFIRMED"));
		});
	}

	private ResponseEntity<?> withChangeable(UUID appointmentId, String authorization,
			java.util.function.Function<ManagedAppointment, ResponseEntity<?>> change) {
		return withAppointment(appointmentId, authorization, false, (appointment) -> {
			if (!appointment.changeable(this.clock.instant())) {
				return problem(HttpStatus.CONFLICT, "online changes close " + notice(appointment)
						+ " before the start; please call " + this.clinic.phoneForReading());
			}
			return change.apply(appointment);
		});
	}

	private ResponseEntity<?> withAppointment(UUID appointmentId, String authorization, boolean forwarded,
			java.util.function.Function<ManagedAppointment, ResponseEntity<?>> action) {
		String token = BearerTokens.of(authorization);
		if (token == null) {
			return BearerTokens.missing("the appointment's manage link");
		}
		Optional<ManagedAppointment> opened = this.access.open(token, forwarded)
			.filter((appointment) -> appointment.appointmentId().equals(appointmentId.toString()));
		return opened.<ResponseEntity<?>>map(action)
			.orElseGet(() -> problem(HttpStatus.FORBIDDEN,
					"this token does not open this appointment: it is for another one, for a time it has left, "
							+ "or the appointment is over"));
	}

	private String notice(ManagedAppointment appointment) {
		return this.clinic.changeNotice(appointment.service()).toHours() + " h";
	}

	private static ResponseEntity<?> accepted(String commandId) {
		return ResponseEntity.accepted().body(new Accepted(commandId, "PENDING"));
	}

	private static ResponseEntity<?> problem(HttpStatus status, String detail) {
		return ResponseEntity.status(status).body(ProblemDetail.forStatusAndDetail(status, detail));
	}

	/**
	 * @param reason why, optional; the front desk reads it
	 */
	record Cancel(@Size(max = 500) String reason) {
	}

	/**
	 * @param newStart wall-clock start at the location
	 * @param practitioner another practitioner, or empty to keep the current one
	 * @param newOffset the UTC offset of {@code newStart}, optional: it picks one of the
	 * two occurrences of a time the clocks repeat; without it, the first
	 */
	record Reschedule(@NotNull LocalDateTime newStart, String practitioner, ZoneOffset newOffset) {
	}

	/**
	 * @param commandId the command's id; its outcome arrives on the appointment stream
	 * @param status PENDING, or CONFIRMED for attendance
	 */
	record Accepted(String commandId, String status) {
	}

}
