package com.geminihealth.intake.booking;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.apache.kafka.streams.state.HostInfo;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.geminihealth.intake.clinic.ClinicProperties;
import com.geminihealth.intake.decider.DeciderQueries;
import com.geminihealth.intake.web.Forwarding;
import com.geminihealth.intake.web.InvalidFields;
import com.geminihealth.schemas.booking.AppointmentId;
import com.geminihealth.schemas.booking.LocationId;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The request status and availability, answered from the decider's state on the instance
 * that owns the key; another instance forwards the question there.
 */
@RestController
@Tag(name = "Bookings")
class ReadSideController {

	/** The widest availability window one query may ask for. */
	static final int MAX_DAYS = 31;

	private final DeciderQueries queries;

	private final Forwarding forwarding;

	private final ClinicProperties clinic;

	ReadSideController(DeciderQueries queries, Forwarding forwarding, ClinicProperties clinic) {
		this.queries = queries;
		this.forwarding = forwarding;
		this.clinic = clinic;
	}

	@GetMapping(path = "/api/bookings/{requestId}", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Where a booking request stands",
			description = "PENDING until decided; then CONFIRMED with the appointment, or DECLINED with the "
					+ "nearest open slots.")
	ResponseEntity<?> status(@PathVariable UUID requestId,
			@RequestHeader(name = Forwarding.HEADER, required = false) String forwarded, HttpServletRequest request) {
		AppointmentId id = new AppointmentId(requestId);
		Optional<HostInfo> owner = (forwarded == null) ? this.queries.ownerOf(id) : Optional.empty();
		if (owner.isPresent()) {
			return relay(owner.get(), request);
		}
		return ResponseEntity.ok(StatusView.of(requestId.toString(), this.queries.status(id)));
	}

	@GetMapping(path = "/api/availability", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Open slots",
			description = "Open slots for a service at a location between two dates (inclusive, at most 31 days), "
					+ "optionally with one practitioner; times are local to the location.")
	ResponseEntity<?> availability(@RequestParam String location, @RequestParam String service,
			@RequestParam(required = false) String practitioner,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestHeader(name = Forwarding.HEADER, required = false) String forwarded, HttpServletRequest request) {
		ClinicProperties.Location where = checkedLocation(location, service, practitioner, from, to);
		LocationId id = new LocationId(location);
		Optional<HostInfo> owner = (forwarded == null) ? this.queries.ownerOf(id) : Optional.empty();
		if (owner.isPresent()) {
			return relay(owner.get(), request);
		}
		List<StatusView.SlotView> slots = this.queries
			.openSlots(id, service, StringUtils.hasText(practitioner) ? practitioner : null, from, to)
			.stream()
			.map((slot) -> StatusView.SlotView.of(slot, where.zone()))
			.toList();
		return ResponseEntity.ok(slots);
	}

	private ClinicProperties.Location checkedLocation(String location, String service, String practitioner,
			LocalDate from, LocalDate to) {
		InvalidFields.Builder problems = InvalidFields.builder();
		ClinicProperties.Location where = this.clinic.locations().get(location);
		if (where == null) {
			problems.add("location", "is not one of our locations");
		}
		if (!this.clinic.services().containsKey(service)) {
			problems.add("service", "is not a service we offer");
		}
		if (StringUtils.hasText(practitioner) && !this.clinic.practitioners().containsKey(practitioner)) {
			problems.add("practitioner", "is not one of our practitioners");
		}
		if (to.isBefore(from) || ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
			problems.add("to", "must be on or after 'from' and at most " + MAX_DAYS + " days later");
		}
		problems.throwIfAny();
		return where;
	}

	private ResponseEntity<String> relay(HostInfo owner, HttpServletRequest request) {
		String query = (request.getQueryString() != null) ? "?" + request.getQueryString() : "";
		ResponseEntity<String> answer = this.forwarding.get(owner, request.getRequestURI() + query);
		return ResponseEntity.status(answer.getStatusCode())
			.contentType(MediaType.APPLICATION_JSON)
			.body(answer.getBody());
	}

}
