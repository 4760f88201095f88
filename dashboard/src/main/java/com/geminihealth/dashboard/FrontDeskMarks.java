package com.geminihealth.dashboard;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import com.geminihealth.dashboard.stream.PipelineEvent;
import com.geminihealth.dashboard.stream.ReadModel;
import com.geminihealth.platform.EventPublisher;
import com.geminihealth.schemas.Topics;
import com.geminihealth.schemas.frontdesk.FrontDeskMarked;
import com.geminihealth.schemas.frontdesk.MarkId;

/**
 * What the front desk marked by hand (a follow-up called, an inquiry handled, a dead
 * letter replayed): facts of the front desk rather than of the pipeline. Each mark is
 * published on the compacted front-desk-marks topic, which every dashboard instance reads
 * in full and follows live, so all of them show the same marks and a restart loses none.
 */
@Component
public class FrontDeskMarks implements ReadModel {

	private final EventPublisher publisher;

	private final Map<MarkId, FrontDeskMarked> marks = new ConcurrentHashMap<>();

	public FrontDeskMarks(EventPublisher publisher) {
		this.publisher = publisher;
	}

	@Override
	public void apply(PipelineEvent event) {
		if (event.value() instanceof FrontDeskMarked marked) {
			this.marks.put(marked.markId(), marked);
		}
		else if (event.removes(Topics.FRONT_DESK_MARKS)) {
			this.marks.remove(new MarkId(event.removedKey()));
		}
	}

	/** The mark's value, or null when nobody marked it. */
	public String get(String kind, String subject) {
		FrontDeskMarked marked = this.marks.get(MarkId.of(kind, subject));
		return (marked != null) ? marked.value() : null;
	}

	/**
	 * Publishes the mark and returns once Kafka has it. It shows here at once, so the
	 * page the user returns to has it; the other instances show it when they read it.
	 */
	public void put(String kind, String subject, String value, String by) {
		FrontDeskMarked marked = new FrontDeskMarked(kind, subject, value, by, Instant.now());
		this.publisher.publish(Topics.FRONT_DESK_MARKS, marked.markId(), marked);
		// Unless this instance already read a later mark of another user meanwhile.
		this.marks.merge(marked.markId(), marked, (seen, mine) -> seen.at().isAfter(mine.at()) ? seen : mine);
	}

}
