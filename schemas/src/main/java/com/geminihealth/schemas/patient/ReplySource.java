package com.geminihealth.schemas.patient;

/** Where a preference change came from. */
public enum ReplySource {

	SMS_KEYWORD, FRONT_DESK

}
