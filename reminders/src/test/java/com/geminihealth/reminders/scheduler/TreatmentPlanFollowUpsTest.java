package com.geminihealth.reminders.scheduler;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.geminihealth.schemas.appointment.Appointment;
import com.geminihealth.schemas.appointment.AppointmentCompleted;
import com.geminihealth.schemas.appointment.AppointmentConfirmed;
import com.geminihealth.schemas.booking.Author;
import com.geminihealth.schemas.booking.CommandId;
import com.geminihealth.schemas.booking.RequestId;
import com.geminihealth.schemas.booking.ServiceId;
import com.geminihealth.schemas.plan.PlanId;
import com.geminihealth.schemas.plan.PlanStep;
import com.geminihealth.schemas.plan.PlanTerms;
import com.geminihealth.schemas.plan.TreatmentPlan;
import com.geminihealth.schemas.privacy.ErasureId;
import com.geminihealth.schemas.privacy.ErasureRequested;
import com.geminihealth.schemas.reminder.DueNotice;
import com.geminihealth.schemas.reminder.FollowUpDue;

import static com.geminihealth.reminders.scheduler.RemindersDriver.CONSENTING;
import static com.geminihealth.reminders.scheduler.RemindersDriver.TORONTO;
import static com.geminihealth.reminders.scheduler.RemindersDriver.appointment;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Follow-ups of a patient who follows a treatment plan, on the real topology: the next
 * session falls due at the plan's interval after the last one, and the follow-up names
 * the session ("session 3 of 6") and the plan's service. Without a plan, or once it
 * ended, follow-ups are as before.
 */
class TreatmentPlanFollowUpsTest {

	static final LocalDateTime MONDAY_14 = LocalDateTime.of(2026, 11, 16, 14, 0);

	static final ServiceId PHYSIO_FOLLOW_UP = new ServiceId("physio-follow-up-30");

	static final int TEN_DAYS = 10;

	RemindersDriver reminders = new RemindersDriver(local(MONDAY_14.minusDays(1)));

	Appointment assessment = appointment(CONSENTING, "burlington", "physio-initial-assessment", MONDAY_14,
			Duration.ofMinutes(45));

	@AfterEach
	void close() {
		this.reminders.close();
	}

	@Test
	void namesSession3Of6AtThePlansIntervalAfterSession2() {
		assessed();
		TreatmentPlan plan = sixSessionsTenDaysApart();
		this.reminders.plan(plan);

		FollowUpDue first = onlyFollowUp(this.reminders.advanceTo(this.assessment.end().plus(days(TEN_DAYS))));
		assertThat(first.plan()).isEqualTo(new PlanStep(plan.planId(), PHYSIO_FOLLOW_UP, 1, 6, review()));
		assertThat(first.dueAt()).as("the assessment's follow-up, moved to the plan's interval")
			.isEqualTo(this.assessment.end().plus(days(TEN_DAYS)));

		session(MONDAY_14.plusDays(11));
		Appointment second = session(MONDAY_14.plusDays(22));
		Instant due = second.end().plus(days(TEN_DAYS));
		assertThat(this.reminders.advanceTo(due.minusMillis(1))).noneMatch(FollowUpDue.class::isInstance);

		FollowUpDue third = onlyFollowUp(this.reminders.advanceTo(due));

		assertThat(third.appointment().appointmentId()).isEqualTo(second.appointmentId());
		assertThat(third.dueAt()).isEqualTo(due);
		assertThat(third.plan().session()).isEqualTo(3);
		assertThat(third.plan().sessionsPlanned()).isEqualTo(6);
		assertThat(third.plan().service()).as("the plan's session, not another assessment").isEqualTo(PHYSIO_FOLLOW_UP);
		assertThat(third.plan().reviewDate()).isEqualTo(review());
	}

	@Test
	void anAdjustedIntervalMovesTheQueuedFollowUp() {
		assessed();
		TreatmentPlan plan = sixSessionsTenDaysApart();
		this.reminders.plan(plan);
		this.reminders.plan(plan.adjusted(new PlanTerms(PHYSIO_FOLLOW_UP, 6, 5, "Shoulder mobility", null, review()),
				Author.frontDesk("sophie"), this.reminders.now()));

		assertThat(this.reminders.advanceTo(this.assessment.end().plus(days(5)).minusMillis(1)))
			.noneMatch(FollowUpDue.class::isInstance);
		assertThat(onlyFollowUp(this.reminders.advanceTo(this.assessment.end().plus(days(5)))).plan().session())
			.isEqualTo(1);
	}

	@Test
	void anEndedPlanLeavesTheFollowUpAsWithoutOne() {
		assessed();
		TreatmentPlan plan = sixSessionsTenDaysApart();
		this.reminders.plan(plan);
		this.reminders.plan(plan.ended(Author.frontDesk("sophie"), this.reminders.now()));

		assertThat(this.reminders.advanceTo(this.assessment.end().plus(days(TEN_DAYS))))
			.noneMatch(FollowUpDue.class::isInstance);
		FollowUpDue followUp = onlyFollowUp(this.reminders.advanceTo(this.assessment.end().plus(days(28))));
		assertThat(followUp.plan()).isNull();
		assertThat(followUp.dueAt()).isEqualTo(this.assessment.end().plus(days(28)));
	}

	@Test
	void aPlansTombstoneIsNoDeadLetterAndLeavesFollowUpsAsBefore() {
		assessed();
		TreatmentPlan plan = sixSessionsTenDaysApart();
		this.reminders.plan(plan);

		this.reminders.removePlan(plan.key());

		assertThat(this.reminders.deadLetters()).isEmpty();
		assertThat(onlyFollowUp(this.reminders.advanceTo(this.assessment.end().plus(days(28)))).plan()).isNull();
	}

	@Test
	void anErasureForgetsThePatientsPlan() {
		assessed();
		this.reminders.plan(sixSessionsTenDaysApart());
		assertThat(String.join("\n", this.reminders.everythingStored())).contains("Shoulder mobility");

		this.reminders.erase(new ErasureRequested(ErasureId.random(), CONSENTING.email(), CONSENTING.mobilePhone(),
				"ops", Instant.now()));

		assertThat(this.reminders.everythingStored()).noneMatch((entry) -> entry.contains("Shoulder mobility"))
			.noneMatch((entry) -> entry.contains(CONSENTING.mobilePhone()));
	}

	/** The assessment took place and was marked completed. */
	private void assessed() {
		this.reminders.send(new AppointmentConfirmed(RequestId.random(), this.assessment));
		this.reminders.advanceTo(this.assessment.end());
		this.reminders.send(new AppointmentCompleted(CommandId.random(), this.assessment, null));
	}

	/** A session of the plan booked, attended and marked completed. */
	private Appointment session(LocalDateTime start) {
		Appointment session = appointment(CONSENTING, "burlington", PHYSIO_FOLLOW_UP.value(), start,
				Duration.ofMinutes(30));
		this.reminders.send(new AppointmentConfirmed(RequestId.random(), session));
		this.reminders.advanceTo(session.end());
		this.reminders.send(new AppointmentCompleted(CommandId.random(), session, "Ice after the exercises."));
		return session;
	}

	private TreatmentPlan sixSessionsTenDaysApart() {
		return TreatmentPlan.recorded(PLAN_ID, CONSENTING, this.assessment.location(), this.assessment.practitioner(),
				this.assessment.practitionerName(), this.assessment.appointmentId(), new PlanTerms(PHYSIO_FOLLOW_UP, 6,
						TEN_DAYS, "Shoulder mobility", "Pendulum swings twice a day.", review()),
				Author.frontDesk("sophie"), local(MONDAY_14.plusHours(1)));
	}

	private static final PlanId PLAN_ID = PlanId.random();

	private static LocalDate review() {
		return MONDAY_14.toLocalDate().plusWeeks(8);
	}

	private static FollowUpDue onlyFollowUp(List<DueNotice> fired) {
		List<FollowUpDue> followUps = fired.stream()
			.filter(FollowUpDue.class::isInstance)
			.map(FollowUpDue.class::cast)
			.toList();
		assertThat(followUps).hasSize(1);
		return followUps.get(0);
	}

	private static Duration days(int days) {
		return Duration.ofDays(days);
	}

	private static Instant local(LocalDateTime time) {
		return time.atZone(TORONTO).toInstant();
	}

}
