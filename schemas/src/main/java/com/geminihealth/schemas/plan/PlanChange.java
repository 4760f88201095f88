package com.geminihealth.schemas.plan;

/** What one revision of a treatment plan did to it. */
public enum PlanChange {

	/** The practitioner recorded the plan after an assessment. */
	RECORDED,

	/** Its terms changed: sessions, interval, focus, advice or review date. */
	ADJUSTED,

	/** It ended: no more follow-ups follow it. */
	ENDED

}
