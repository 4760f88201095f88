package com.geminihealth.intake.inquiry;

import java.util.Map;

import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Contact-form inquiries over HTTP. */
@RestController
@Tag(name = "Inquiries")
class InquiryController {

	private final Inquiries inquiries;

	private final InquiryRequestValidator validator;

	InquiryController(Inquiries inquiries, InquiryRequestValidator validator) {
		this.inquiries = inquiries;
		this.validator = validator;
	}

	@InitBinder("inquiryRequest")
	void addValidator(WebDataBinder binder) {
		binder.addValidators(this.validator);
	}

	@PostMapping("/api/inquiries")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "Send the clinic a message",
			description = "Answers 202 once it is on Kafka; an acknowledgement email follows.")
	Map<String, String> submit(@Valid @RequestBody InquiryRequest inquiryRequest) {
		return Map.of("inquiryId", this.inquiries.submit(inquiryRequest).value(), "status", "RECEIVED");
	}

}
