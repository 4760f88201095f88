package com.geminihealth.dashboard.followup;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.geminihealth.dashboard.Appointments;
import com.geminihealth.dashboard.DashboardProperties;
import com.geminihealth.dashboard.FrontDeskMarks;
import com.geminihealth.dashboard.stream.Events;
import com.geminihealth.schemas.Topics;
import com.geminihealth.schemas.appointment.Appointment;
import com.geminihealth.schemas.reminder.FollowUpDue;

import static org.assertj.core.api.Assertions.assertThat;

class FollowUpsTest {

	@TempDir
	Path state;

	private final Events events = new Events();

	@Test
	void listsFollowUpsOldestFirstAndKeepsTheFrontDesksOutcomesAcrossARestart() {
		FollowUps followUps = new FollowUps(marks());
		Appointment recent = due(followUps, "Jon Park", Instant.parse("2026-12-10T14:00:00Z"));
		Appointment oldest = due(followUps, "Kim Wu", Instant.parse("2026-12-02T14:00:00Z"));
		followUps.mark(oldest.appointmentId().value(), FollowUps.Outcome.CALLED);

		FollowUps afterRestart = new FollowUps(marks());
		due(afterRestart, recent);
		due(afterRestart, oldest);

		assertThat(afterRestart.calls())
			.extracting((call) -> call.appointment().patient().firstName(), FollowUps.Call::outcome)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("Kim", "CALLED"),
					org.assertj.core.groups.Tuple.tuple("Jon", null));
	}

	private Appointment due(FollowUps followUps, String name, Instant dueAt) {
		Appointment appointment = Appointments.of(name, "+12895550009", dueAt.minusSeconds(30 * 86_400), null);
		followUps.apply(this.events.of(Topics.DUE_NOTICES, appointment.appointmentId(),
				new FollowUpDue(appointment, true, dueAt, dueAt)));
		return appointment;
	}

	private void due(FollowUps followUps, Appointment appointment) {
		Instant dueAt = appointment.start().plusSeconds(30 * 86_400);
		followUps.apply(this.events.of(Topics.DUE_NOTICES, appointment.appointmentId(),
				new FollowUpDue(appointment, true, dueAt, dueAt)));
	}

	private FrontDeskMarks marks() {
		return new FrontDeskMarks(new DashboardProperties(Appointments.TORONTO, null, this.state, null, null, 100,
				Map.of(), Map.of(), Map.of()));
	}

}
