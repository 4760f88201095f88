package com.geminihealth.schemas.reminder;

import java.time.Instant;

import com.geminihealth.schemas.Redact;
import com.geminihealth.schemas.appointment.Appointment;

/** A session is over: thank the patient and pass on the home-care advice. */
public record ThankYouDue(Appointment appointment, String homeCareAdvice, Instant dueAt,
		Instant firedAt) implements DueNotice {

	@Override
	public String toString() {
		return "ThankYouDue[" + this.appointment + ", homeCareAdvice=" + Redact.text(this.homeCareAdvice) + ", "
				+ this.dueAt + ", " + this.firedAt + "]";
	}

}
