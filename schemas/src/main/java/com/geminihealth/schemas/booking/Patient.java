package com.geminihealth.schemas.booking;

import com.geminihealth.schemas.Redact;

/**
 * The person an appointment is for. At least one of {@code email} and {@code mobilePhone}
 * is present; the phone is in E.164 form. {@link #toString()} keeps contact details out
 * of logs.
 */
public record Patient(String name, String email, String mobilePhone, Language language, Consent consent) {

	public Patient {
		Ids.requireText(name, "patient name");
		if (isBlank(email) && isBlank(mobilePhone)) {
			throw new IllegalArgumentException("a patient needs an email address or a mobile phone");
		}
		language = (language != null) ? language : Language.EN;
		consent = (consent != null) ? consent : Consent.NONE;
	}

	public String firstName() {
		return this.name.strip().split("\\s+")[0];
	}

	private static boolean isBlank(String text) {
		return text == null || text.isBlank();
	}

	@Override
	public String toString() {
		return "Patient[" + firstName() + ", email=" + Redact.email(this.email) + ", mobilePhone="
				+ Redact.phone(this.mobilePhone) + ", language=" + this.language + ", consent=" + this.consent + "]";
	}

}
