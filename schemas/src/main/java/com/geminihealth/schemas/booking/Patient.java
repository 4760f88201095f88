package com.geminihealth.schemas.booking;

import com.geminihealth.schemas.Redact;

/**
 * The person an appointment is for. At least one of {@code email} and {@code mobilePhone}
 * is present; the phone is in E.164 form. {@link #toString()} keeps contact details out
 * of logs.
 */
public record Patient(String name, String email, String mobilePhone, Language language, Consent consent) {

	/**
	 * The address an erased patient keeps, as the contract wants an email or phone: in
	 * the reserved {@code .invalid} domain, which no message can reach.
	 */
	public static final String ERASED_EMAIL = "erased@erased.invalid";

	public Patient {
		Ids.requireText(name, "patient name");
		if (isBlank(email) && isBlank(mobilePhone)) {
			throw new IllegalArgumentException("a patient needs an email address or a mobile phone");
		}
		language = (language != null) ? language : Language.EN;
		consent = (consent != null) ? consent : Consent.NONE;
	}

	/** What an appointment keeps of {@code patient} after an erasure. */
	public static Patient erased(Patient patient) {
		return new Patient("Erased", ERASED_EMAIL, null, patient.language(), Consent.NONE);
	}

	/**
	 * Whether an email can reach the patient: they gave an address and were not erased.
	 */
	public boolean emailable() {
		return !isBlank(this.email) && !ERASED_EMAIL.equals(this.email);
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
