package com.geminihealth.intake.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;
import org.apache.kafka.streams.errors.InvalidStateStoreException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

import com.geminihealth.platform.EventPublisher;

/**
 * A page that could not be served because Kafka did not acknowledge a change or the
 * decider's state is moving between instances answers 503 with the clinic's page saying
 * to try again in a moment (see {@link ErrorPages}), not 500: nothing was changed, and
 * the fault passes. The API's answers are {@link Problems}'.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class PagesUnavailable {

	@ExceptionHandler({ EventPublisher.NotAcknowledged.class, InvalidStateStoreException.class })
	void unavailable(HttpServletResponse response) throws IOException {
		response.setHeader(HttpHeaders.RETRY_AFTER, "5");
		response.sendError(HttpStatus.SERVICE_UNAVAILABLE.value());
	}

}
