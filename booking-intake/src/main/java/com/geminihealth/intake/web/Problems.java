package com.geminihealth.intake.web;

import java.net.URI;
import java.util.List;

import org.apache.kafka.streams.errors.InvalidStateStoreException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import com.geminihealth.intake.idempotency.IdempotencyKeys;
import com.geminihealth.intake.ledger.Ledger;
import com.geminihealth.platform.EventPublisher;

import tools.jackson.databind.DatabindException;

/**
 * Every rejection by the API is an RFC 9457 problem with an {@code errors} list of
 * {@code {field, message}}: 400 when the request cannot be read, 415 when its body is of
 * a type the endpoint does not read, 422 when it can be read but breaks a rule. Nothing
 * is published in any case. The pages' errors are pages ({@link ErrorPages}).
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class Problems {

	static final URI INVALID_FIELDS = URI.create("https://geminihealth.com/problems/invalid-fields");

	static final URI LIMIT_REACHED = URI.create("https://geminihealth.com/problems/limit-reached");

	static final URI MALFORMED = URI.create("https://geminihealth.com/problems/malformed-request");

	@ExceptionHandler(MethodArgumentNotValidException.class)
	ProblemDetail invalid(MethodArgumentNotValidException ex) {
		return invalidFields(ex.getBindingResult().getFieldErrors().stream().map(Problems::toProblem).toList());
	}

	@ExceptionHandler(LimitReached.class)
	ResponseEntity<ProblemDetail> limitReached(LimitReached ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
				"a destination of this request has had all the messages we send it for now; nothing was submitted");
		problem.setType(LIMIT_REACHED);
		problem.setTitle("Limit reached");
		problem.setProperty("errors", ex.problems());
		return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
			.header(HttpHeaders.RETRY_AFTER, String.valueOf(ex.retryAfter().toSeconds()))
			.body(problem);
	}

	@ExceptionHandler(InvalidFields.class)
	ProblemDetail invalid(InvalidFields ex) {
		return invalidFields(ex.problems());
	}

	@ExceptionHandler(IdempotencyKeys.KeyReused.class)
	ProblemDetail keyReused(IdempotencyKeys.KeyReused ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, ex.getMessage());
		problem.setTitle("Idempotency-Key reused");
		problem.setProperty("errors", List.of(new FieldProblem("Idempotency-Key", ex.getMessage())));
		return problem;
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ProblemDetail unreadable(HttpMessageNotReadableException ex) {
		if (ex.getCause() instanceof ReadableRequestFilter.TooLarge tooLarge) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
					tooLarge.getMessage() + "; nothing was submitted");
			problem.setTitle("Content Too Large");
			return problem;
		}
		FieldProblem problem = (ex.getCause() instanceof DatabindException databind && !databind.getPath().isEmpty())
				? new FieldProblem(fieldPath(databind), "has an invalid value")
				: new FieldProblem("body", "is not valid JSON");
		return malformed(problem);
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ProblemDetail mismatch(MethodArgumentTypeMismatchException ex) {
		return malformed(new FieldProblem(ex.getName(), "has an invalid value"));
	}

	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	ResponseEntity<ProblemDetail> unsupportedBody(HttpMediaTypeNotSupportedException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
				"the body is of a type this endpoint does not read; nothing was submitted");
		problem.setType(MALFORMED);
		problem.setTitle("Unsupported media type");
		problem.setProperty("errors", List.of(new FieldProblem(HttpHeaders.CONTENT_TYPE,
				"must be " + MediaType.toString(ex.getSupportedMediaTypes()))));
		return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE).headers(ex.getHeaders()).body(problem);
	}

	@ExceptionHandler(EventPublisher.NotAcknowledged.class)
	ResponseEntity<ProblemDetail> notAcknowledged(EventPublisher.NotAcknowledged ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
				"the request could not be stored; nothing was accepted, please retry");
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5").body(problem);
	}

	@ExceptionHandler(Ledger.Unavailable.class)
	ResponseEntity<ProblemDetail> ledgerBehind(Ledger.Unavailable ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
				"the intake is starting or cannot reach Kafka; nothing was accepted, please retry");
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5").body(problem);
	}

	@ExceptionHandler(InvalidStateStoreException.class)
	ResponseEntity<ProblemDetail> stateNotReady(InvalidStateStoreException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
				"the decider is starting or rebalancing; please retry in a moment");
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "1").body(problem);
	}

	static ProblemDetail invalidFields(List<FieldProblem> problems) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
				problems.size() + " field(s) need attention; nothing was submitted");
		problem.setType(INVALID_FIELDS);
		problem.setTitle("Invalid request");
		problem.setProperty("errors", problems);
		return problem;
	}

	private static ProblemDetail malformed(FieldProblem field) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"the request could not be read; nothing was submitted");
		problem.setType(MALFORMED);
		problem.setTitle("Malformed request");
		problem.setProperty("errors", List.of(field));
		return problem;
	}

	private static FieldProblem toProblem(FieldError error) {
		return new FieldProblem(error.getField(),
				error.isBindingFailure() ? "has an invalid value" : String.valueOf(error.getDefaultMessage()));
	}

	private static String fieldPath(DatabindException ex) {
		StringBuilder path = new StringBuilder();
		ex.getPath().forEach((reference) -> {
			if (reference.getPropertyName() != null) {
				path.append((path.length() > 0) ? "." : "").append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		});
		return path.toString();
	}

}
