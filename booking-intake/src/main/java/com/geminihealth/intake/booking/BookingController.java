package com.geminihealth.intake.booking;

import java.util.UUID;
import java.net.URI;

import jakarta.validation.Valid;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.geminihealth.intake.idempotency.IdempotencyKeys;
import com.geminihealth.schemas.booking.BookingChannel;
import com.geminihealth.schemas.booking.RequestId;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Booking requests over HTTP. */
@RestController
@RequestMapping("/api/bookings")
@Tag(name = "Bookings")
class BookingController {

	/** The caller of the unsigned API, whose keys are one space. */
	static final String PUBLIC = "public";

	private final BookingIntake intake;

	private final BookingRequestValidator validator;

	private final IdempotencyKeys idempotencyKeys;

	BookingController(BookingIntake intake, BookingRequestValidator validator, IdempotencyKeys idempotencyKeys) {
		this.intake = intake;
		this.validator = validator;
		this.idempotencyKeys = idempotencyKeys;
	}

	@InitBinder("bookingRequest")
	void addValidator(WebDataBinder binder) {
		binder.addValidators(this.validator);
	}

	@PostMapping
	@Operation(summary = "Request an appointment",
			description = "Answers 202 once the request is durably on Kafka. The decision (confirmed, or declined "
					+ "with alternatives) follows on the status URL, by email and by SMS.")
	@ApiResponse(responseCode = "202", description = "Accepted: on Kafka, to be decided")
	@ApiResponse(responseCode = "400", description = "Malformed body")
	@ApiResponse(responseCode = "422",
			description = "Invalid fields, a number we do not text, or an Idempotency-Key reused with another body; "
					+ "nothing was published")
	@ApiResponse(responseCode = "415", description = "The body is not JSON; nothing was published")
	@ApiResponse(responseCode = "429",
			description = "Too many requests from this address, or to this email address or number; see Retry-After")
	@ApiResponse(responseCode = "503",
			description = "Kafka did not acknowledge the request; nothing was accepted, retry after Retry-After")
	ResponseEntity<Accepted> book(@Valid @RequestBody BookingRequest bookingRequest,
			@Parameter(description = "Makes retries safe: the same key and body get the same answer") @RequestHeader(
					name = "Idempotency-Key", required = false) String idempotencyKey) {
		RequestId requestId = this.idempotencyKeys.requestId(PUBLIC, idempotencyKey, bookingRequest);
		this.intake.allow(requestId, bookingRequest);
		Accepted accepted = Accepted.pending(this.intake.submit(requestId, bookingRequest, BookingChannel.ONLINE));
		return ResponseEntity.accepted().location(URI.create(accepted.statusUrl())).body(accepted);
	}

	static String statusPath(RequestId requestId) {
		return statusPath(requestId.uuid());
	}

	static String statusPath(UUID requestId) {
		return "/api/bookings/" + requestId;
	}

}
