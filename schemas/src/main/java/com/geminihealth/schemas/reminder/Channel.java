package com.geminihealth.schemas.reminder;

/** How a message reaches a patient. */
public enum Channel {

	SMS, EMAIL

}
