package com.geminihealth.dashboard.stream;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import com.geminihealth.schemas.Json;
import com.geminihealth.schemas.appointment.Appointment;
import com.geminihealth.schemas.booking.Patient;
import com.geminihealth.schemas.privacy.ErasureRequested;

/**
 * The patient an erasure names, as each read model looks for them: by email address
 * (whatever its case) or phone number.
 */
public final class ErasedPatient {

	/**
	 * Who an anonymised appointment is for: a patient needs a name and a contact, and
	 * {@code .invalid} is a domain that can never receive mail.
	 */
	static final String ANONYMOUS_NAME = "(erased)";

	static final String ANONYMOUS_EMAIL = "erased@erased.invalid";

	private final String email;

	private final String phone;

	private ErasedPatient(String email, String phone) {
		this.email = blankToNull((email != null) ? email.strip().toLowerCase(Locale.ROOT) : null);
		this.phone = blankToNull((phone != null) ? phone.strip() : null);
	}

	/** The patient {@code value} erases, or null when it is no erasure. */
	public static ErasedPatient of(Object value) {
		return (value instanceof ErasureRequested erasure) ? new ErasedPatient(erasure.email(), erasure.phone()) : null;
	}

	/** Whether {@code contact}, an email address or a phone number, is theirs. */
	public boolean owns(String contact) {
		if (contact == null) {
			return false;
		}
		String value = contact.strip();
		return value.equalsIgnoreCase((this.email != null) ? this.email : "")
				|| value.equals((this.phone != null) ? this.phone : "");
	}

	public boolean is(Patient patient) {
		return patient != null && (owns(patient.email()) || owns(patient.mobilePhone()));
	}

	/**
	 * Whether any of their contacts is written anywhere in {@code event}, which is read
	 * as the JSON it came in.
	 */
	public boolean mentionedIn(Object event) {
		return event != null && mentionedIn(Json.MAPPER.writeValueAsString(event));
	}

	public boolean mentionedIn(byte[] bytes) {
		return bytes != null && mentionedIn(new String(bytes, StandardCharsets.UTF_8));
	}

	private boolean mentionedIn(String text) {
		String lower = text.toLowerCase(Locale.ROOT);
		return (this.email != null && lower.contains(this.email)) || (this.phone != null && text.contains(this.phone));
	}

	/** {@code appointment} with its patient anonymised, everything else as it was. */
	public static Appointment anonymised(Appointment appointment) {
		Patient patient = appointment.patient();
		return new Appointment(appointment.appointmentId(), appointment.location(), appointment.service(),
				appointment.practitioner(), appointment.practitionerName(), appointment.start(), appointment.end(),
				appointment.zone(),
				new Patient(ANONYMOUS_NAME, ANONYMOUS_EMAIL, null, patient.language(), patient.consent()), null,
				appointment.sequence());
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text;
	}

	@Override
	public String toString() {
		return "ErasedPatient[" + com.geminihealth.schemas.Redact.email(this.email) + ", "
				+ com.geminihealth.schemas.Redact.phone(this.phone) + "]";
	}

}
