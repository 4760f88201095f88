package com.geminihealth.intake.manage;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.geminihealth.intake.clinic.TestClinic;
import com.geminihealth.intake.decider.RequestStatus;
import com.geminihealth.schemas.appointment.Appointment;
import com.geminihealth.schemas.booking.AppointmentId;
import com.geminihealth.schemas.booking.Consent;
import com.geminihealth.schemas.booking.Language;
import com.geminihealth.schemas.booking.LocationId;
import com.geminihealth.schemas.booking.Patient;
import com.geminihealth.schemas.booking.PractitionerId;
import com.geminihealth.schemas.booking.ServiceId;
import com.geminihealth.schemas.feedback.SessionFeedback;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When the question after a session is open: from its end, for a week, for a session that
 * took place, to a patient who agreed to be asked.
 */
class FeedbackSessionTest {

	private static final Instant START = LocalDateTime.of(2026, 12, 7, 10, 0).atZone(TestClinic.TORONTO).toInstant();

	private static final Instant END = START.plus(Duration.ofHours(1));

	@Test
	void opensAtTheEndAndClosesAWeekLater() {
		FeedbackSession session = session(RequestStatus.State.CONFIRMED, true);

		assertThat(session.question(START)).isEqualTo(FeedbackSession.Question.NOT_YET);
		assertThat(session.question(END.minusSeconds(1))).isEqualTo(FeedbackSession.Question.NOT_YET);
		assertThat(session.question(END)).isEqualTo(FeedbackSession.Question.OPEN);
		assertThat(session.question(END.plus(SessionFeedback.ANSWER_WITHIN).minusSeconds(1)))
			.isEqualTo(FeedbackSession.Question.OPEN);
		assertThat(session.question(END.plus(SessionFeedback.ANSWER_WITHIN)))
			.isEqualTo(FeedbackSession.Question.CLOSED);
		assertThat(session.localAnswersUntil()).hasToString("2026-12-14T11:00");
	}

	@Test
	void opensForASessionMarkedCompletedEvenBeforeItsBookedEnd() {
		FeedbackSession completed = session(RequestStatus.State.COMPLETED, true);

		assertThat(completed.question(END.minusSeconds(600))).isEqualTo(FeedbackSession.Question.OPEN);
		assertThat(completed.question(END.plusSeconds(60))).isEqualTo(FeedbackSession.Question.OPEN);
		assertThat(completed.question(END.plus(SessionFeedback.ANSWER_WITHIN)))
			.isEqualTo(FeedbackSession.Question.CLOSED);
	}

	@ParameterizedTest
	@EnumSource(value = RequestStatus.State.class, names = { "CANCELLED", "NO_SHOW" })
	void asksNothingAboutASessionThatDidNotTakePlace(RequestStatus.State state) {
		assertThat(session(state, true).question(END.plusSeconds(60))).isEqualTo(FeedbackSession.Question.NOT_HELD);
	}

	@Test
	void asksNothingOfAPatientWhoDidNotAgreeToBeAsked() {
		assertThat(session(RequestStatus.State.COMPLETED, false).question(END.plusSeconds(60)))
			.isEqualTo(FeedbackSession.Question.NOT_ASKED);
	}

	@Test
	void isKeyedByThePatientsPhoneElseTheirEmailAndShowsNoneOfTheirDetails() {
		FeedbackSession session = session(RequestStatus.State.COMPLETED, true);

		assertThat(session.contact()).isEqualTo("+19055550143");
		assertThat(session.toString()).doesNotContain("0143").doesNotContain("ada@example.com");
	}

	private static FeedbackSession session(RequestStatus.State state, boolean feedback) {
		Appointment appointment = new Appointment(
				AppointmentId.random(), new LocationId(TestClinic.DOWNTOWN), new ServiceId("massage-60"),
				new PractitionerId("ana"), "Ana Silva", START, END, TestClinic.TORONTO, new Patient("Ada Asked",
						"ada@example.com", "+19055550143", Language.EN, new Consent(false, false, feedback)),
				"Sore neck", 0);
		return FeedbackSession.of(new RequestStatus(state, appointment, END.plus(Duration.ofMinutes(15)), null, null,
				TestClinic.TORONTO, TestClinic.DOWNTOWN, "massage-60", null, END));
	}

}
