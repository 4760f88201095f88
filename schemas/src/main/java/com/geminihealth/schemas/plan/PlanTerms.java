package com.geminihealth.schemas.plan;

import java.time.LocalDate;

import com.geminihealth.schemas.Redact;
import com.geminihealth.schemas.booking.Ids;
import com.geminihealth.schemas.booking.ServiceId;

/**
 * What a practitioner prescribes after an assessment. The focus and the advice are health
 * detail: they reach the patient by email only, never by SMS, and never a log.
 *
 * @param service the service each session of the plan is booked as (the follow-up's
 * service, not the assessment's)
 * @param sessionsPlanned how many sessions the plan holds
 * @param intervalDays days from the end of one session until the next falls due
 * @param focus what the sessions work on
 * @param homeCareAdvice what the patient does between sessions
 * @param reviewDate when the practitioner reviews the plan
 */
public record PlanTerms(ServiceId service, int sessionsPlanned, int intervalDays, String focus, String homeCareAdvice,
		LocalDate reviewDate) {

	/** Most sessions one plan may hold: a year of weekly visits. */
	public static final int MOST_SESSIONS = 52;

	/** Longest interval between sessions: a year. */
	public static final int LONGEST_INTERVAL_DAYS = 365;

	public PlanTerms {
		if (service == null) {
			throw new IllegalArgumentException("a plan needs a service");
		}
		if (sessionsPlanned < 1 || sessionsPlanned > MOST_SESSIONS) {
			throw new IllegalArgumentException("a plan holds 1 to " + MOST_SESSIONS + " sessions");
		}
		if (intervalDays < 1 || intervalDays > LONGEST_INTERVAL_DAYS) {
			throw new IllegalArgumentException("a plan's interval is 1 to " + LONGEST_INTERVAL_DAYS + " days");
		}
		Ids.requireText(focus, "plan focus");
		if (reviewDate == null) {
			throw new IllegalArgumentException("a plan needs a review date");
		}
	}

	@Override
	public String toString() {
		return "PlanTerms[" + this.service + ", " + this.sessionsPlanned + " sessions every " + this.intervalDays
				+ " days, focus=" + Redact.text(this.focus) + ", homeCareAdvice=" + Redact.text(this.homeCareAdvice)
				+ ", review " + this.reviewDate + "]";
	}

}
