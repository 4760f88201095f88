package com.geminihealth.intake.waitlist;

import java.time.LocalDate;
import java.time.LocalTime;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

import com.geminihealth.schemas.Redact;
import com.geminihealth.schemas.booking.Language;

/**
 * The waitlist form as a patient sends it: what they want, the days and times they can
 * come (at the location, in its wall-clock time) and how to reach them. Its fields are
 * named as the booking form's, so that the same rules mark the same fields.
 *
 * @param patientName full name
 * @param email email address; this or {@code mobilePhone} is required
 * @param mobilePhone mobile number in any common format; normalised to E.164
 * @param language en or fr: the page's
 * @param smsConsent may we text them (absent means no): offers then come by text too
 * @param followUpConsent may we nudge them to book their follow-up
 * @param feedbackConsent may we ask them one question about each session afterwards
 * @param location location id
 * @param service service id
 * @param practitioner practitioner id, or empty for anyone qualified
 * @param firstDay the first day they can come
 * @param lastDay the last day they can come
 * @param earliest optional: no appointment starting earlier in the day
 * @param latest optional: no appointment starting later in the day
 */
public record WaitlistRequest(@NotBlank String patientName, String email, @Size(max = 30) String mobilePhone,
		Language language, Boolean smsConsent, Boolean followUpConsent, Boolean feedbackConsent,
		@NotBlank String location, @NotBlank String service, String practitioner,
		@NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate firstDay,
		@NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate lastDay,
		@DateTimeFormat(iso = DateTimeFormat.ISO.TIME) LocalTime earliest,
		@DateTimeFormat(iso = DateTimeFormat.ISO.TIME) LocalTime latest) {

	public WaitlistRequest {
		smsConsent = Boolean.TRUE.equals(smsConsent);
		followUpConsent = Boolean.TRUE.equals(followUpConsent);
		feedbackConsent = Boolean.TRUE.equals(feedbackConsent);
	}

	/** An empty form for these choices and days. */
	static WaitlistRequest prefilled(String location, String service, String practitioner, LocalDate firstDay,
			LocalDate lastDay) {
		return new WaitlistRequest(null, null, null, null, false, false, false, location, service, practitioner,
				firstDay, lastDay, null, null);
	}

	@Override
	public String toString() {
		return "WaitlistRequest[" + this.location + ", " + this.service + ", " + this.practitioner + ", "
				+ this.firstDay + ".." + this.lastDay + ", email=" + Redact.email(this.email) + ", mobilePhone="
				+ Redact.phone(this.mobilePhone) + "]";
	}

}
