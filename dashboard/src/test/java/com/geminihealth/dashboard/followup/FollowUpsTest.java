package com.geminihealth.dashboard.followup;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.geminihealth.dashboard.Appointments;
import com.geminihealth.dashboard.FrontDeskMarks;
import com.geminihealth.dashboard.stream.Events;
import com.geminihealth.schemas.Topics;
import com.geminihealth.schemas.appointment.Appointment;
import com.geminihealth.schemas.frontdesk.FrontDeskMarked;
import com.geminihealth.schemas.privacy.ErasureId;
import com.geminihealth.schemas.privacy.ErasureRequested;
import com.geminihealth.schemas.reminder.FollowUpDue;

import static org.assertj.core.api.Assertions.assertThat;

class FollowUpsTest {

	private final Events events = new Events();

	private final FrontDeskMarks marks = new FrontDeskMarks(null);

	@Test
	void listsFollowUpsOldestFirstWithTheOutcomesReadFromTheMarksTopic() {
		FollowUps followUps = new FollowUps(this.marks);
		Appointment recent = due(followUps, "Jon Park", "+12895550009", Instant.parse("2026-12-10T14:00:00Z"));
		Appointment oldest = due(followUps, "Kim Wu", "+12895550010", Instant.parse("2026-12-02T14:00:00Z"));
		FrontDeskMarked called = new FrontDeskMarked(FollowUps.MARK, oldest.appointmentId().value(), "CALLED",
				"reception", Instant.now());
		this.marks.apply(this.events.of(Topics.FRONT_DESK_MARKS, called.markId(), called));

		assertThat(followUps.calls())
			.extracting((call) -> call.appointment().patient().firstName(), FollowUps.Call::outcome)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("Kim", "CALLED"),
					org.assertj.core.groups.Tuple.tuple("Jon", null));
		assertThat(recent).isNotNull();
	}

	@Test
	void dropsAFollowUpWhenItsNoticeIsRemovedOrItsPatientErased() {
		FollowUps followUps = new FollowUps(this.marks);
		Appointment removed = due(followUps, "Lou Ames", "+12895550011", Instant.parse("2026-12-02T14:00:00Z"));
		due(followUps, "Mo Erased", "+12895550012", Instant.parse("2026-12-03T14:00:00Z"));
		Appointment kept = due(followUps, "Ned Kept", "+12895550013", Instant.parse("2026-12-04T14:00:00Z"));

		followUps.apply(this.events.of(Topics.DUE_NOTICES, removed.appointmentId(), null));
		ErasureRequested erasure = new ErasureRequested(ErasureId.random(), null, "+12895550012", "ops", Instant.now());
		followUps.apply(this.events.of(Topics.ERASURES, erasure.erasureId(), erasure));

		assertThat(followUps.calls()).extracting((call) -> call.appointment().appointmentId())
			.containsExactly(kept.appointmentId());
	}

	private Appointment due(FollowUps followUps, String name, String phone, Instant dueAt) {
		Appointment appointment = Appointments.of(name, phone, dueAt.minusSeconds(30 * 86_400), null);
		followUps.apply(this.events.of(Topics.DUE_NOTICES, appointment.appointmentId(),
				new FollowUpDue(appointment, true, dueAt, dueAt)));
		return appointment;
	}

}
