package com.geminihealth.intake.manage;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * The token of a patient's link (manage, waitlist offer, feedback) as the API that reads
 * what the link opens takes it: {@code Authorization: Bearer <token>}.
 */
final class BearerTokens {

	private BearerTokens() {
	}

	/** The token in an {@code Authorization} header, or null if it carries none. */
	static String of(String authorization) {
		if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
			return null;
		}
		String token = authorization.substring(7).strip();
		return token.isEmpty() ? null : token;
	}

	/**
	 * The 401 for a request without the token of {@code link}, such as "the offer's
	 * link".
	 */
	static ResponseEntity<ProblemDetail> missing(String link) {
		return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
			.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
			.body(ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED,
					"send the token of " + link + " as 'Authorization: Bearer <token>'"));
	}

}
