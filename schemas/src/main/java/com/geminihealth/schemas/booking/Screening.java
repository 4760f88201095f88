package com.geminihealth.schemas.booking;

/**
 * What the booking form's screening questions found, reduced to the one thing the front
 * desk must act on: whether the patient answered yes to a sign that calls for a doctor
 * before treatment (new leg weakness or numbness, a change in bowel or bladder control,
 * numbness in the saddle area, a recent fall or injury). The answers themselves are not
 * kept, nor any free text: the flag is enough for a person to call the patient, and less
 * health data travels. It never goes into a message, and {@link #toString()} keeps it out
 * of logs.
 *
 * @param redFlags the patient answered yes to at least one screening question
 */
public record Screening(boolean redFlags) {

	/** Screened, with a yes to at least one question. */
	public static final Screening RED_FLAGS = new Screening(true);

	/** Screened, with no to every question. */
	public static final Screening CLEAR = new Screening(false);

	/** Whether {@code screening} says a person should look at the booking. */
	public static boolean flagged(Screening screening) {
		return screening != null && screening.redFlags();
	}

	@Override
	public String toString() {
		return "Screening[redacted]";
	}

}
