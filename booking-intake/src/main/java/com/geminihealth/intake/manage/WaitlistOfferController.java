package com.geminihealth.intake.manage;

import java.util.UUID;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import com.geminihealth.intake.web.Forwarding;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * A waitlist offer over the API, for the holder of the offer's link only; the instances
 * ask each other here for offers whose location another one holds.
 */
@RestController
@Tag(name = "Appointments")
class WaitlistOfferController {

	private final PatientAccess access;

	WaitlistOfferController(PatientAccess access) {
		this.access = access;
	}

	@GetMapping("/api/waitlist/offers/{offerId}")
	@Operation(summary = "Read a waitlist offer made to one",
			description = "With the token from the offer's link: the time, how long it is held, and how it closed.")
	@ApiResponse(responseCode = "401", description = "No token")
	@ApiResponse(responseCode = "403", description = "The token does not open this offer")
	ResponseEntity<?> read(@PathVariable UUID offerId,
			@Parameter(description = "Bearer <token from the offer's link>") @RequestHeader(
					name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
			@RequestHeader(name = Forwarding.HEADER, required = false) String forwarded) {
		String token = BearerTokens.of(authorization);
		if (token == null) {
			return BearerTokens.missing("the offer's link");
		}
		return this.access.offer(token, forwarded != null)
			.filter((offer) -> offer.offerId().equals(offerId.toString()))
			.<ResponseEntity<?>>map(ResponseEntity::ok)
			.orElseGet(() -> ResponseEntity.status(HttpStatus.FORBIDDEN)
				.body(ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
						"this token does not open this offer, or its time is over")));
	}

}
