package com.geminihealth.dashboard.followup;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import com.geminihealth.dashboard.FrontDeskMarks;
import com.geminihealth.dashboard.stream.PipelineEvent;
import com.geminihealth.dashboard.stream.ReadModel;
import com.geminihealth.schemas.appointment.Appointment;
import com.geminihealth.schemas.reminder.FollowUpDue;

/** The call list: a line per follow-up the scheduler found due, oldest first. */
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

	void mark(String appointmentId, Outcome outcome) {
		this.marks.put(MARK, appointmentId, outcome.name());
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
