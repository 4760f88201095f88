package com.geminihealth.dashboard.booking;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.util.StringUtils;

import com.geminihealth.schemas.booking.Consent;
import com.geminihealth.schemas.booking.Language;
import com.geminihealth.schemas.booking.Patient;

/**
 * The caller as the front desk types them into a phone booking or onto the waitlist, as
 * typed, so a form with a mistake comes back filled in. Both forms check them here, so a
 * caller one accepts the other accepts too.
 *
 * @param patientName the caller's full name
 * @param mobilePhone a North American mobile number, in any usual writing
 * @param email an email address
 * @param language the language messages reach them in (English when none is chosen)
 * @param smsConsent whether they agree to texts; kept only with a mobile phone
 * @param feedbackConsent whether they agree to one question after each session
 */
public record CallerDetails(String patientName, String mobilePhone, String email, Language language, boolean smsConsent,
		boolean feedbackConsent) {

	/**
	 * The problem with each field, by field name ({@code patientName},
	 * {@code mobilePhone}, {@code email}), and under {@code contact} when neither a phone
	 * nor an email was given; empty when the caller can be booked.
	 */
	public Map<String, String> problems() {
		Map<String, String> problems = new LinkedHashMap<>();
		if (!StringUtils.hasText(this.patientName)) {
			problems.put("patientName", "Enter the caller's full name.");
		}
		String phone = normalizedPhone();
		if (StringUtils.hasText(this.mobilePhone) && phone == null) {
			problems.put("mobilePhone", "Enter the mobile phone as 10 digits, such as 289-555-0123.");
		}
		if (StringUtils.hasText(this.email) && !this.email.strip().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
			problems.put("email", "Enter a valid email address.");
		}
		if (phone == null && !StringUtils.hasText(this.email)) {
			problems.put("contact", "Enter a mobile phone or an email, so the patient gets the confirmation.");
		}
		return problems;
	}

	/** The patient, once {@link #problems} found none. */
	public Patient patient() {
		String phone = normalizedPhone();
		return new Patient(this.patientName.strip(), StringUtils.hasText(this.email) ? this.email.strip() : null, phone,
				(this.language != null) ? this.language : Language.EN,
				new Consent(this.smsConsent && phone != null, false, this.feedbackConsent));
	}

	/** The mobile phone as intake stores it (E.164), or null when none or unreadable. */
	private String normalizedPhone() {
		if (!StringUtils.hasText(this.mobilePhone)) {
			return null;
		}
		String digits = this.mobilePhone.replaceAll("[^0-9]", "");
		if (digits.length() == 10) {
			return "+1" + digits;
		}
		if (digits.length() == 11 && digits.startsWith("1")) {
			return "+" + digits;
		}
		return null;
	}

}
