package com.geminihealth.dashboard.feedback;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import com.geminihealth.dashboard.stream.ErasedPatient;
import com.geminihealth.dashboard.stream.PipelineEvent;
import com.geminihealth.dashboard.stream.ReadModel;
import com.geminihealth.schemas.Topics;
import com.geminihealth.schemas.feedback.SessionFeedback;
import com.geminihealth.schemas.privacy.ErasureRequested;

/**
 * Patients' answers about their sessions, read from the compacted feedback topic the
 * reminders service writes: one per session, the latest answer. An erasure drops the
 * patient's answers here at once, before the tombstones arrive.
 */
@Component
class SessionFeedbacks implements ReadModel {

	private final Map<String, SessionFeedback> bySession = new ConcurrentHashMap<>();

	@Override
	public void apply(PipelineEvent event) {
		if (event.value() instanceof SessionFeedback feedback) {
			this.bySession.put(feedback.appointment().appointmentId().value(), feedback);
		}
		else if (event.removes(Topics.SESSION_FEEDBACK)) {
			this.bySession.remove(event.removedKey());
		}
		else if (event.value() instanceof ErasureRequested erasure) {
			ErasedPatient erased = ErasedPatient.of(erasure);
			this.bySession.values().removeIf((feedback) -> erased.is(feedback.appointment().patient()));
		}
	}

	/**
	 * The answers about {@code practitioner}'s sessions that started since {@code since},
	 * latest first.
	 */
	List<SessionFeedback> about(String practitioner, Instant since) {
		return this.bySession.values()
			.stream()
			.filter((feedback) -> feedback.appointment().practitioner().value().equals(practitioner)
					&& !feedback.appointment().start().isBefore(since))
			.sorted(Comparator.comparing((SessionFeedback feedback) -> feedback.appointment().start()).reversed())
			.toList();
	}

	/** Each practitioner's scores over the sessions that started since {@code since}. */
	Map<String, Scores> scoresSince(Instant since) {
		return this.bySession.values()
			.stream()
			.filter((feedback) -> !feedback.appointment().start().isBefore(since))
			.collect(Collectors.groupingBy((feedback) -> feedback.appointment().practitioner().value(),
					Collectors.collectingAndThen(Collectors.toList(), Scores::of)));
	}

}
