package com.geminihealth.schemas;

/** Shortens personal data before it can reach a log line. */
public final class Redact {

	private Redact() {
	}

	/** {@code +14165550123} becomes {@code +1******0123}. */
	public static String phone(String phone) {
		if (phone == null) {
			return null;
		}
		int keep = Math.min(4, phone.length() / 3);
		return phone.substring(0, Math.min(2, phone.length())) + "*".repeat(Math.max(0, phone.length() - 2 - keep))
				+ phone.substring(phone.length() - keep);
	}

	/** {@code alice@example.com} becomes {@code a***@example.com}. */
	public static String email(String email) {
		if (email == null) {
			return null;
		}
		int at = email.indexOf('@');
		return (at <= 0) ? "***" : email.charAt(0) + "***" + email.substring(at);
	}

	/** Free text is never logged, only its length. */
	public static String text(String text) {
		return (text == null) ? null : "<" + text.length() + " chars>";
	}

}
