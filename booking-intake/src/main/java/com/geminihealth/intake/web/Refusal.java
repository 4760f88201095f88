package com.geminihealth.intake.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * A refusal by a filter, before Spring MVC: an RFC 9457 problem for the API, integrations
 * and webhooks, the clinic's page ({@link ErrorPages}) for the pages.
 */
final class Refusal {

	private Refusal() {
	}

	static void send(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
			throws IOException {
		send(request, response, status, detail, null);
	}

	/**
	 * With the one field at fault, in the {@code errors} list every problem of the API
	 * carries.
	 */
	static void send(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail,
			FieldProblem field) throws IOException {
		String path = request.getRequestURI();
		if (!(path.startsWith("/api/") || path.startsWith("/integrations/") || path.startsWith("/twilio/"))) {
			response.sendError(status.value());
			return;
		}
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		// Detail and field are always the filter's own words, never the request's.
		response.getWriter()
			.write("{\"type\":\"about:blank\",\"title\":\"" + status.getReasonPhrase() + "\",\"status\":"
					+ status.value() + ",\"detail\":\"" + detail + "\""
					+ ((field != null) ? ",\"errors\":[{\"field\":\"" + field.field() + "\",\"message\":\""
							+ field.message() + "\"}]" : "")
					+ "}");
	}

}
