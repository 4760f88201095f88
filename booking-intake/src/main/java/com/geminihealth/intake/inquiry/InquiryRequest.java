package com.geminihealth.intake.inquiry;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import com.geminihealth.schemas.Redact;
import com.geminihealth.schemas.booking.Language;

/**
 * A contact-form message.
 *
 * @param name who is writing
 * @param email where to answer
 * @param phone optional phone number
 * @param language en or fr
 * @param location the location it is about, optional
 * @param message the question
 */
public record InquiryRequest(@NotBlank String name, @NotBlank String email, @Size(max = 30) String phone,
		Language language, String location, @NotBlank String message) {

	@Override
	public String toString() {
		return "InquiryRequest[email=" + Redact.email(this.email) + ", message=" + Redact.text(this.message) + "]";
	}

}
