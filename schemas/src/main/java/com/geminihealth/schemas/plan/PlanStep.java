package com.geminihealth.schemas.plan;

import java.time.LocalDate;

import com.geminihealth.schemas.booking.ServiceId;

/**
 * Where a patient stands in their treatment plan when a follow-up falls due: the session
 * to book next ("session 3 of 6"), as what service, and when the plan is reviewed. It
 * carries no focus or advice, so it may travel wherever the follow-up goes.
 *
 * @param planId the plan
 * @param service the service to book the session as
 * @param session the number of the session to book, from 1
 * @param sessionsPlanned how many the plan holds
 * @param reviewDate when the practitioner reviews the plan
 */
public record PlanStep(PlanId planId, ServiceId service, int session, int sessionsPlanned, LocalDate reviewDate) {

}
