package com.geminihealth.schemas.frontdesk;

import java.time.Instant;

/**
 * The front desk marked something by hand: a follow-up called, an inquiry handled, a dead
 * letter replayed. Keyed by {@link MarkId#of(String, String) kind and subject} on a
 * compacted topic, so the latest mark of each is kept for good and every dashboard
 * instance shows the same.
 *
 * @param kind what was marked, such as {@code follow-up} or {@code inquiry}
 * @param subject the id of what was marked
 * @param value the mark, such as {@code called} or {@code handled}
 * @param by the signed-in user who marked it
 * @param at when
 */
public record FrontDeskMarked(String kind, String subject, String value, String by, Instant at) {

	public MarkId markId() {
		return MarkId.of(this.kind, this.subject);
	}

}
