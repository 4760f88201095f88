package com.geminihealth.schemas.booking;

/**
 * What the patient agreed to at booking. Transactional messages need no consent; SMS
 * needs {@code sms}, the promotional "time to book your follow-up" nudge needs
 * {@code followUps}, and the one question about the session afterwards needs
 * {@code feedback}.
 *
 * @param sms texts may be sent
 * @param followUps the follow-up nudge may be sent
 * @param feedback the patient may be asked about their session; absent from records
 * written before it was asked, which read as no consent
 */
public record Consent(boolean sms, boolean followUps, Boolean feedback) {

	public static final Consent NONE = new Consent(false, false, false);

	public Consent {
		feedback = Boolean.TRUE.equals(feedback);
	}

}
