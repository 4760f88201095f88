package com.geminihealth.dashboard.notification;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import com.geminihealth.dashboard.FrontDeskMarks;
import com.geminihealth.dashboard.stream.ErasedPatient;
import com.geminihealth.dashboard.stream.PipelineEvent;
import com.geminihealth.dashboard.stream.ReadModel;
import com.geminihealth.schemas.CloudEvents;
import com.geminihealth.schemas.DeadLetters;
import com.geminihealth.schemas.privacy.ErasureRequested;

/**
 * Records every consumer gave up on, from every {@code .dlt} topic of the catalogue, each
 * with its reason and whether the front desk replayed it.
 */
@Component
public class DeadLetterBox implements ReadModel {

	static final String MARK = "replayed";

	private final Map<String, PipelineEvent> letters = new LinkedHashMap<>();

	private final FrontDeskMarks marks;

	public DeadLetterBox(FrontDeskMarks marks) {
		this.marks = marks;
	}

	@Override
	public synchronized void apply(PipelineEvent event) {
		if (PipelineEvent.DEAD_LETTER.equals(event.type())) {
			this.letters.put(event.id(), event);
		}
		else if (event.value() instanceof ErasureRequested erasure) {
			ErasedPatient erased = ErasedPatient.of(erasure);
			// The letter stays on its topic until its retention passes; this view
			// forgets it now.
			this.letters.values().removeIf((letter) -> erased.mentionedIn(letter.raw().value()));
		}
	}

	public synchronized List<Letter> letters() {
		return this.letters.values()
			.stream()
			.sorted(Comparator.comparing(PipelineEvent::time).reversed())
			.map(this::letter)
			.toList();
	}

	synchronized Optional<PipelineEvent> find(String id) {
		return Optional.ofNullable(this.letters.get(id));
	}

	void replayed(String id, String by) {
		this.marks.put(MARK, id, Instant.now().toString(), by);
	}

	private Letter letter(PipelineEvent event) {
		var headers = new org.apache.kafka.common.header.internals.RecordHeaders(event.raw().headers());
		String source = CloudEvents.header(headers, DeadLetters.SOURCE_TOPIC);
		return new Letter(event.id(), event.topic(),
				(source != null) ? source : event.topic().substring(0, event.topic().length() - 4),
				CloudEvents.header(headers, DeadLetters.REASON), CloudEvents.header(headers, CloudEvents.TYPE),
				event.time(), this.marks.get(MARK, event.id()));
	}

	/** A dead letter as listed; {@code replayedAt} is null until replayed. */
	public record Letter(String id, String topic, String sourceTopic, String reason, String ceType, Instant time,
			String replayedAt) {
	}

}
