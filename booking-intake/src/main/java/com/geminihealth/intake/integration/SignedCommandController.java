package com.geminihealth.intake.integration;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import com.geminihealth.intake.booking.Accepted;
import com.geminihealth.intake.web.InvalidFields;
import com.geminihealth.platform.EventPublisher;
import com.geminihealth.schemas.ContractViolation;
import com.geminihealth.schemas.Topics;
import com.geminihealth.schemas.booking.BookAppointment;
import com.geminihealth.schemas.booking.BookingCommand;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Booking commands from partner systems over signed HTTP, in CloudEvents binary mode: the
 * body is the command's JSON, {@code ce-type} names it. The body is checked against the
 * published JSON Schema before it is put on the booking stream.
 */
@RestController
@Tag(name = "Integrations")
class SignedCommandController {

	static final String KEY_ID = "X-Signature-Key";

	static final String TIMESTAMP = "X-Signature-Timestamp";

	static final String SIGNATURE = "X-Signature";

	private final RequestSignature signature;

	private final EventPublisher publisher;

	SignedCommandController(RequestSignature signature, EventPublisher publisher) {
		this.signature = signature;
		this.publisher = publisher;
	}

	@PostMapping(path = "/integrations/booking-commands", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Submit a booking command as a partner system",
			description = "Signed with HMAC-SHA256 over '<timestamp>.<raw body>' (see README). "
					+ "ce-type names the command, e.g. com.geminihealth.booking.BookAppointment.v1.")
	ResponseEntity<?> submit(@RequestHeader(name = KEY_ID, required = false) String keyId,
			@RequestHeader(name = TIMESTAMP, required = false) String timestamp,
			@RequestHeader(name = SIGNATURE, required = false) String signed,
			@RequestHeader(name = "ce-type", required = false) String ceType, @RequestBody byte[] body) {
		String refusal = this.signature.refusal(keyId, timestamp, signed, body);
		if (refusal != null) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, refusal);
			problem.setTitle("Signature refused");
			return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(problem);
		}
		if (Topics.BOOKING_COMMANDS.eventTypes().stream().noneMatch((type) -> type.ceType().equals(ceType))) {
			InvalidFields.builder()
				.add("ce-type", "must name a booking command, such as com.geminihealth.booking.BookAppointment.v1")
				.throwIfAny();
		}
		BookingCommand command;
		try {
			command = IntegrationAuthor.sign(Topics.BOOKING_COMMANDS.readExternal(ceType, body), keyId);
			if (command instanceof BookAppointment book) {
				command = book.withoutDirectBilling();
			}
		}
		catch (ContractViolation ex) {
			throw InvalidFields.fromContract(ex.problems());
		}
		this.publisher.publish(Topics.BOOKING_COMMANDS, command.location(), command);
		if (command instanceof BookAppointment book) {
			return ResponseEntity.accepted().body(Accepted.pending(book.requestId()));
		}
		return ResponseEntity.accepted().body(Map.of("status", "PENDING", "type", ceType));
	}

}
