package com.geminihealth.schemas.booking;

/**
 * What the patient agreed to at booking. Transactional messages need no consent; SMS
 * needs {@code sms}, and the promotional "time to book your follow-up" nudge needs
 * {@code followUps}.
 */
public record Consent(boolean sms, boolean followUps) {

	public static final Consent NONE = new Consent(false, false);

}
