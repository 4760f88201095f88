package com.geminihealth.notifications.email;

import com.geminihealth.schemas.Redact;

/**
 * One email to one patient: a plain-text body with an HTML alternative, and, for
 * appointments, a calendar invitation.
 *
 * @param purpose what it is for, such as {@code appointment-confirmed}; part of its
 * notification id
 * @param to the patient's address
 * @param subject the subject line
 * @param text the plain-text body
 * @param html the HTML body
 * @param invite the iCalendar attachment, or null
 * @param inviteMethod REQUEST or CANCEL, with the invite
 * @param promotional whether the patient asked for it only by consenting to it: such mail
 * carries List-Unsubscribe, transactional mail does not
 */
record Email(String purpose, String to, String subject, String text, String html, String invite, String inviteMethod,
		boolean promotional) {

	@Override
	public String toString() {
		return "Email[" + this.purpose + " to " + Redact.email(this.to) + "]";
	}

}
