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
 * The session a feedback link asks about, over the API, for the holder of that link only;
 * the instances ask each other here for sessions whose location another one holds.
 */
@RestController
@Tag(name = "Appointments")
class FeedbackSessionController {

	private final PatientAccess access;

	FeedbackSessionController(PatientAccess access) {
		this.access = access;
	}

	@GetMapping("/api/feedback/{appointmentId}")
	@Operation(summary = "Read the session one's feedback link asks about",
			description = "With the token from the feedback link: who the session was with, when, and what decides "
					+ "whether the question about it is open.")
	@ApiResponse(responseCode = "401", description = "No token")
	@ApiResponse(responseCode = "403", description = "The token is not this session's feedback link")
	ResponseEntity<?> read(@PathVariable UUID appointmentId,
			@Parameter(description = "Bearer <token from the feedback link>") @RequestHeader(
					name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
			@RequestHeader(name = Forwarding.HEADER, required = false) String forwarded) {
		String token = BearerTokens.of(authorization);
		if (token == null) {
			return BearerTokens.missing("the feedback link");
		}
		return this.access.feedback(token, forwarded != null)
			.filter((session) -> session.appointmentId().equals(appointmentId.toString()))
			.<ResponseEntity<?>>map(ResponseEntity::ok)
			.orElseGet(() -> ResponseEntity.status(HttpStatus.FORBIDDEN)
				.body(ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
						"this token is not the feedback link of this session")));
	}

}
