package com.geminihealth.schemas.feedback;

/** How a patient answered the question about their session. */
public enum FeedbackSource {

	/** On the page their feedback link opens. */
	LINK,

	/** By texting back a score. */
	TEXT_REPLY

}
