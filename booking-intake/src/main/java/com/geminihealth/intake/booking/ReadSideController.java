package com.geminihealth.intake.booking;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.geminihealth.platform.clinic.ClinicProperties;
import com.geminihealth.intake.web.Forwarding;
import com.geminihealth.intake.web.InvalidFields;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The request status and availability over HTTP. */
@RestController
@Tag(name = "Bookings")
class ReadSideController {

	/** The widest availability window one query may ask for. */
	static final int MAX_DAYS = 31;

	private final ReadSide readSide;

	private final ClinicProperties clinic;

	ReadSideController(ReadSide readSide, ClinicProperties clinic) {
		this.readSide = readSide;
		this.clinic = clinic;
	}

	@GetMapping("/api/bookings/{requestId}")
	@Operation(summary = "Where a booking request stands",
			description = "PENDING until decided; then CONFIRMED with the appointment, DECLINED with the "
					+ "nearest open slots, or REJECTED with the detail of how the request broke the contract "
					+ "(a command published straight to Kafka). Answers 503 with Retry-After while the decider starts.")
	StatusView status(@PathVariable UUID requestId,
			@RequestHeader(name = Forwarding.HEADER, required = false) String forwarded) {
		return this.readSide.status(requestId, forwarded != null);
	}

	@GetMapping("/api/availability")
	@Operation(summary = "Open slots",
			description = "Open slots for a service at a location between two dates (inclusive, at most 31 days), "
					+ "optionally with one practitioner; times are local to the location.")
	@ApiResponse(responseCode = "200", description = "The open slots, in order of start")
	@ApiResponse(responseCode = "422",
			description = "A parameter missing, an unknown location, service or practitioner, or a range over 31 days")
	@ApiResponse(responseCode = "503", description = "The decider is starting; retry after Retry-After")
	List<StatusView.SlotView> availability(@Parameter(required = true) @RequestParam(required = false) String location,
			@Parameter(required = true) @RequestParam(required = false) String service,
			@RequestParam(required = false) String practitioner,
			@Parameter(required = true) @RequestParam(required = false) @DateTimeFormat(
					iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@Parameter(required = true) @RequestParam(required = false) @DateTimeFormat(
					iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestHeader(name = Forwarding.HEADER, required = false) String forwarded) {
		// Required, but checked here rather than by Spring, so that one answer
		// names every parameter that is missing or wrong.
		InvalidFields.Builder problems = InvalidFields.builder();
		if (!StringUtils.hasText(location)) {
			problems.add("location", "is required");
		}
		else if (!this.clinic.locations().containsKey(location)) {
			problems.add("location", "is not one of our locations");
		}
		if (!StringUtils.hasText(service)) {
			problems.add("service", "is required");
		}
		else if (!this.clinic.services().containsKey(service)) {
			problems.add("service", "is not a service we offer");
		}
		if (StringUtils.hasText(practitioner) && !this.clinic.practitioners().containsKey(practitioner)) {
			problems.add("practitioner", "is not one of our practitioners");
		}
		if (from == null) {
			problems.add("from", "is required");
		}
		if (to == null) {
			problems.add("to", "is required");
		}
		else if (from != null && (to.isBefore(from) || ChronoUnit.DAYS.between(from, to) >= MAX_DAYS)) {
			problems.add("to", "must be on or after 'from' and at most " + MAX_DAYS + " days later");
		}
		problems.throwIfAny();
		return this.readSide.openSlots(location, service, StringUtils.hasText(practitioner) ? practitioner : null, from,
				to, forwarded != null);
	}

}
