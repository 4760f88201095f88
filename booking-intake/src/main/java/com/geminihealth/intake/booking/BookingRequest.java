package com.geminihealth.intake.booking;

import java.time.LocalDateTime;
import java.time.ZoneOffset;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

import com.geminihealth.schemas.Redact;
import com.geminihealth.schemas.booking.Language;
import com.geminihealth.schemas.booking.Screening;

/**
 * A booking request as a patient or the API submits it. One flat shape serves JSON and
 * the HTML form, so both pass the same validation: presence here, the rules of the clinic
 * in {@link BookingRequestValidator}, and the shape of each field in the contract's
 * schema for the command it becomes. {@code requestedStart} is local time at the
 * location.
 *
 * @param patientName full name
 * @param email email address; this or {@code mobilePhone} is required
 * @param mobilePhone mobile number in any common format; normalised to E.164
 * @param language en or fr
 * @param smsConsent may we text them (absent means no)
 * @param followUpConsent may we nudge them to book their follow-up
 * @param feedbackConsent may we ask them one question about each session afterwards
 * (absent means no); the contract's {@code consent.feedback}
 * @param location location id
 * @param service service id
 * @param practitioner practitioner id, or empty for anyone qualified
 * @param requestedStart wall-clock start at the location, {@code 2026-12-01T10:00}
 * @param notes anything the practitioner should know
 * @param requestedOffset the UTC offset of {@code requestedStart}, optional: it picks one
 * of the two occurrences of a time the clocks repeat when they fall back, and open slots
 * carry it where it is needed; without it such a time is its first occurrence
 * @param screening optional: what the screening questions found, reduced to whether any
 * answer was yes (the page asks them; an API caller may send the flag it collected)
 */
public record BookingRequest(@NotBlank String patientName, String email, @Size(max = 30) String mobilePhone,
		Language language, Boolean smsConsent, Boolean followUpConsent, Boolean feedbackConsent,
		@NotBlank String location, @NotBlank String service, String practitioner,
		@NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime requestedStart, String notes,
		ZoneOffset requestedOffset, Screening screening) {

	public BookingRequest {
		smsConsent = Boolean.TRUE.equals(smsConsent);
		followUpConsent = Boolean.TRUE.equals(followUpConsent);
		feedbackConsent = Boolean.TRUE.equals(feedbackConsent);
	}

	/** The same request with what the page's screening questions found. */
	BookingRequest screened(Screening found) {
		return new BookingRequest(this.patientName, this.email, this.mobilePhone, this.language, this.smsConsent,
				this.followUpConsent, this.feedbackConsent, this.location, this.service, this.practitioner,
				this.requestedStart, this.notes, this.requestedOffset, found);
	}

	@Override
	public String toString() {
		return "BookingRequest[" + this.location + ", " + this.service + ", " + this.practitioner + ", "
				+ this.requestedStart + ((this.requestedOffset != null) ? this.requestedOffset.toString() : "")
				+ ", email=" + Redact.email(this.email) + ", mobilePhone=" + Redact.phone(this.mobilePhone) + "]";
	}

}
