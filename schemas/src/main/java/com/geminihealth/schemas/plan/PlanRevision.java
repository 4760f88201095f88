package com.geminihealth.schemas.plan;

import java.time.Instant;

import com.geminihealth.schemas.booking.Author;

/**
 * One change to a treatment plan, kept with the plan so that its history survives
 * compaction of the plans topic.
 *
 * @param version 1 for the plan as recorded, one more for each change after
 * @param change what the change did
 * @param terms the plan's terms after the change (an ending keeps the last terms)
 * @param author the signed-in user who made it
 * @param at when
 */
public record PlanRevision(int version, PlanChange change, PlanTerms terms, Author author, Instant at) {

	public PlanRevision {
		if (version < 1 || change == null || terms == null || author == null || at == null) {
			throw new IllegalArgumentException(
					"a plan revision needs a version, a change, terms, an author and a time");
		}
	}

}
