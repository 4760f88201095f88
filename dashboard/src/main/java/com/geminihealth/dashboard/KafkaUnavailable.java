package com.geminihealth.dashboard;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

import com.geminihealth.platform.EventPublisher;

/**
 * A front-desk action whose record Kafka did not acknowledge (a broker down, a leader
 * moving) answers 503 with a time to try again, not 500: nothing was sent, and the fault
 * passes.
 */
@ControllerAdvice
class KafkaUnavailable {

	@ExceptionHandler(EventPublisher.NotAcknowledged.class)
	void unavailable(HttpServletResponse response) throws IOException {
		response.setHeader(HttpHeaders.RETRY_AFTER, "5");
		response.sendError(HttpStatus.SERVICE_UNAVAILABLE.value());
	}

}
