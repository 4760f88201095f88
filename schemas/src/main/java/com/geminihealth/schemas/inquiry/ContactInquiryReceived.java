package com.geminihealth.schemas.inquiry;

import java.time.Instant;

import com.geminihealth.schemas.Redact;
import com.geminihealth.schemas.booking.Language;
import com.geminihealth.schemas.booking.LocationId;

/**
 * Someone wrote to the clinic through the contact form. {@code location} and
 * {@code phone} (E.164) are optional.
 */
public record ContactInquiryReceived(InquiryId inquiryId, LocationId location, String name, String email, String phone,
		Language language, String message, Instant receivedAt) {

	@Override
	public String toString() {
		return "ContactInquiryReceived[" + this.inquiryId + ", " + this.location + ", email=" + Redact.email(this.email)
				+ ", phone=" + Redact.phone(this.phone) + ", " + this.language + ", message="
				+ Redact.text(this.message) + ", " + this.receivedAt + "]";
	}

}
