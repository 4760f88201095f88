package com.geminihealth.dashboard.followup;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import com.geminihealth.dashboard.FrontDeskMarks;
import com.geminihealth.dashboard.stream.ErasedPatient;
import com.geminihealth.dashboard.stream.PipelineEvent;
import com.geminihealth.dashboard.stream.ReadModel;
import com.geminihealth.schemas.Topics;
import com.geminihealth.schemas.appointment.Appointment;
import com.geminihealth.schemas.reminder.FollowUpDue;
import com.geminihealth.schemas.privacy.ErasureRequested;

/**
 * The call list: a line per follow-up the scheduler found due, oldest first, read from
 * the compacted due-notices topic, where each appointment's follow-up stays for good.
 */
@Component
public class FollowUps implements ReadModel {

	static final String MARK = "follow-up";

	private final Map<String, FollowUpDue> due = new LinkedHashMap<>();

	private final FrontDeskMarks marks;

	public FollowUps(FrontDeskMarks marks) {
		this.marks = marks;
	}

	@Override
	public synchronized void apply(PipelineEvent event) {
		if (event.value() instanceof FollowUpDue followUp) {
			this.due.put(followUp.appointmentId().value(), followUp);
		}
		else if (event.removes(Topics.DUE_NOTICES)) {
			this.due.remove(event.removedKey());
		}
		else if (event.value() instanceof ErasureRequested erasure) {
			ErasedPatient erased = ErasedPatient.of(erasure);
			// Nobody can call a patient whose number is gone.
			this.due.values().removeIf((followUp) -> erased.is(followUp.appointment().patient()));
		}
	}

	public synchronized List<Call> calls() {
		return this.due.values()
			.stream()
			.sorted(Comparator.comparing(FollowUpDue::dueAt))
			.map((followUp) -> new Call(followUp, this.marks.get(MARK, followUp.appointmentId().value())))
			.toList();
	}

	public synchronized boolean contains(String appointmentId) {
		return this.due.containsKey(appointmentId);
	}

	void mark(String appointmentId, Outcome outcome, String by) {
		this.marks.put(MARK, appointmentId, outcome.name(), by);
	}

	/** A follow-up to call about, and what came of it so far (null: not yet). */
	public record Call(FollowUpDue followUp, String outcome) {

		public Appointment appointment() {
			return this.followUp.appointment();
		}

	}

	enum Outcome {

		BOOKED, CALLED, DISMISSED

	}

}
