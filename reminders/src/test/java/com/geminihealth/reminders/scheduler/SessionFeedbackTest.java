package com.geminihealth.reminders.scheduler;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.geminihealth.schemas.CloudEvents;
import com.geminihealth.schemas.Contract;
import com.geminihealth.schemas.EventType;
import com.geminihealth.schemas.Topics;
import com.geminihealth.schemas.appointment.Appointment;
import com.geminihealth.schemas.appointment.AppointmentCompleted;
import com.geminihealth.schemas.appointment.AppointmentConfirmed;
import com.geminihealth.schemas.booking.AppointmentId;
import com.geminihealth.schemas.booking.CommandId;
import com.geminihealth.schemas.booking.Consent;
import com.geminihealth.schemas.booking.Language;
import com.geminihealth.schemas.booking.Patient;
import com.geminihealth.schemas.booking.RequestId;
import com.geminihealth.schemas.feedback.FeedbackSource;
import com.geminihealth.schemas.feedback.SessionFeedback;
import com.geminihealth.schemas.patient.FeedbackAnswered;
import com.geminihealth.schemas.patient.PatientContact;
import com.geminihealth.schemas.privacy.ErasureId;
import com.geminihealth.schemas.privacy.ErasureRequested;
import com.geminihealth.schemas.reminder.DueNotice;
import com.geminihealth.schemas.reminder.ThankYouDue;

import static com.geminihealth.reminders.scheduler.RemindersDriver.appointment;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Feedback on the real topology: the thank-you after a session asks a patient who agreed
 * to it one question, and their answer, by the page their link opens or by a score texted
 * back, is recorded against the session for the practitioner's view.
 */
class SessionFeedbackTest {

	static final LocalDateTime FRIDAY_10 = LocalDateTime.of(2026, 11, 20, 10, 0);

	static final LocalDateTime SATURDAY_10 = FRIDAY_10.plusDays(1);

	static final LocalDateTime TUESDAY_15 = LocalDateTime.of(2026, 11, 24, 15, 0);

	static final Patient ASKED = new Patient("Léa Roy", "lea@example.com", "+12892348011", Language.FR,
			new Consent(true, false, true));

	static final Patient ALSO_ASKED = new Patient("Liam Wilson", "liam@example.com", "+12892348012", Language.EN,
			new Consent(true, false, true));

	static final Patient NOT_ASKED = new Patient("Noah Tremblay", "noah@example.com", "+12892348002", Language.EN,
			new Consent(true, true, false));

	RemindersDriver reminders = new RemindersDriver(FRIDAY_10.atZone(RemindersDriver.TORONTO).toInstant());

	@AfterEach
	void close() {
		this.reminders.close();
	}

	@Test
	void recordsAScoreTextedBackAgainstTheSessionJustOver() {
		Appointment session = sessionCompleted(ASKED, SATURDAY_10);

		this.reminders.reply(textReply(ASKED, 4));

		assertThat(this.reminders.publishedFeedback()).singleElement().satisfies((record) -> {
			assertThat(record.key).isEqualTo(session.appointmentId());
			assertThat(record.value)
				.isEqualTo(new SessionFeedback(session, 4, null, FeedbackSource.TEXT_REPLY, this.reminders.now()));
		});
		assertThat(recorded(FeedbackSource.TEXT_REPLY)).isEqualTo(1);
		assertThat(unmatched()).isZero();
	}

	@Test
	void asksOnceTheGracePeriodPassesWhenNobodyMarkedTheSessionCompleted() {
		Appointment session = appointment(ASKED, "burlington", "rmt-swedish-60", SATURDAY_10, Duration.ofHours(1));
		this.reminders.send(new AppointmentConfirmed(RequestId.random(), session));
		assertThat(this.reminders.advanceTo(session.end().plus(Duration.ofHours(2))))
			.filteredOn(ThankYouDue.class::isInstance)
			.hasSize(1);

		this.reminders.reply(textReply(ASKED, 5));

		assertThat(this.reminders.publishedFeedback()).singleElement()
			.satisfies((record) -> assertThat(record.value.source()).isEqualTo(FeedbackSource.TEXT_REPLY));
	}

	@Test
	void recordsAnAnswerOnTheFeedbackPageWithItsComment() {
		Appointment session = sessionCompleted(ASKED, SATURDAY_10);

		this.reminders.reply(onThePage(ASKED, session, 5, "My shoulder moves freely again."));

		assertThat(this.reminders.publishedFeedback()).singleElement()
			.satisfies((record) -> assertThat(record.value).isEqualTo(new SessionFeedback(session, 5,
					"My shoulder moves freely again.", FeedbackSource.LINK, this.reminders.now())));
		assertThat(recorded(FeedbackSource.LINK)).isEqualTo(1);
	}

	@Test
	void recordsNoAnswerFromAPatientWhoDidNotAgreeToBeAsked() {
		Appointment session = sessionCompleted(NOT_ASKED, SATURDAY_10);

		this.reminders.reply(textReply(NOT_ASKED, 4));
		this.reminders.reply(onThePage(NOT_ASKED, session, 4, null));

		assertThat(this.reminders.publishedFeedback()).isEmpty();
		assertThat(this.reminders.feedbackQuestions(PatientContact.of(NOT_ASKED))).isNull();
		assertThat(unmatched()).isEqualTo(2);
	}

	@Test
	void takesAnswersForAWeekAfterTheSessionEndsAndNoneAfter() {
		Appointment session = sessionCompleted(ASKED, SATURDAY_10);
		this.reminders.advanceTo(session.end().plus(SessionFeedback.ANSWER_WITHIN));
		this.reminders.reply(onThePage(ASKED, session, 3, null));
		assertThat(this.reminders.publishedFeedback()).hasSize(1);

		this.reminders.advanceTo(session.end().plus(SessionFeedback.ANSWER_WITHIN).plusSeconds(60));
		this.reminders.reply(onThePage(ASKED, session, 5, null));
		this.reminders.reply(textReply(ASKED, 5));

		assertThat(this.reminders.publishedFeedback()).isEmpty();
		assertThat(unmatched()).isEqualTo(2);
		assertThat(this.reminders.feedbackQuestions(PatientContact.of(ASKED)).asked()).as("the question is closed")
			.isEmpty();
	}

	@Test
	void forgetsAQuestionNobodyAnsweredOnceItsWeekIsOver() {
		Appointment session = sessionCompleted(ASKED, SATURDAY_10);
		assertThat(this.reminders.feedbackQuestions(PatientContact.of(ASKED)).asked()).containsExactly(session);
		this.reminders.advanceTo(session.end().plus(SessionFeedback.ANSWER_WITHIN).plusSeconds(60));

		this.reminders.reply(textReply(ASKED, 2));

		assertThat(this.reminders.publishedFeedback()).isEmpty();
		assertThat(this.reminders.feedbackQuestions(PatientContact.of(ASKED))).isNull();
	}

	@Test
	void sweepsAwayTheQuestionOfAPatientWhoNeverWritesAgain() {
		Appointment session = sessionCompleted(ASKED, SATURDAY_10);
		this.reminders.advanceTo(session.end().plus(SessionFeedback.ANSWER_WITHIN).minusSeconds(60));
		assertThat(this.reminders.feedbackQuestions(PatientContact.of(ASKED)).asked()).containsExactly(session);

		this.reminders.advanceTo(session.end().plus(SessionFeedback.ANSWER_WITHIN).plus(FeedbackMatcher.SWEEP_EVERY));

		assertThat(this.reminders.feedbackQuestions(PatientContact.of(ASKED))).as("personal data kept past its use")
			.isNull();
	}

	@Test
	void aScoreTextedBackAnswersTheLatestSessionAskedAbout() {
		sessionCompleted(ASKED, SATURDAY_10);
		Appointment latest = sessionCompleted(ASKED, TUESDAY_15);

		this.reminders.reply(textReply(ASKED, 2));

		assertThat(this.reminders.publishedFeedback()).singleElement()
			.satisfies((record) -> assertThat(record.key).isEqualTo(latest.appointmentId()));
	}

	@Test
	void recordsNothingForALinkNamingAnotherPatientsSession() {
		Appointment theirs = sessionCompleted(ALSO_ASKED, SATURDAY_10);
		sessionCompleted(ASKED, TUESDAY_15);

		this.reminders.reply(onThePage(ASKED, theirs, 1, "Rude and late."));

		assertThat(this.reminders.publishedFeedback()).isEmpty();
		assertThat(unmatched()).isEqualTo(1);
	}

	@Test
	void recordsNothingForAScoreTheQuestionDoesNotOffer() {
		Appointment session = sessionCompleted(ASKED, SATURDAY_10);

		this.reminders.reply(textReply(ASKED, 0));
		this.reminders.reply(onThePage(ASKED, session, 6, null));

		assertThat(this.reminders.publishedFeedback()).isEmpty();
		assertThat(unmatched()).isEqualTo(2);
	}

	@Test
	void aLaterAnswerAboutTheSameSessionReplacesTheEarlier() {
		Appointment session = sessionCompleted(ASKED, SATURDAY_10);
		this.reminders.reply(textReply(ASKED, 2));
		this.reminders.advanceTo(session.end().plus(Duration.ofDays(1)));

		this.reminders.reply(onThePage(ASKED, session, 4, "Better the next day."));

		List<KeyValue<AppointmentId, SessionFeedback>> published = this.reminders.publishedFeedback();
		assertThat(published).extracting((record) -> record.key).containsOnly(session.appointmentId());
		assertThat(published).last()
			.satisfies((record) -> assertThat(record.value).isEqualTo(new SessionFeedback(session, 4,
					"Better the next day.", FeedbackSource.LINK, this.reminders.now())));
		assertThat(this.reminders.feedbackQuestions(PatientContact.of(ASKED)).answered())
			.containsExactly(session.appointmentId().value());
	}

	@Test
	void anErasureRemovesThePatientsAnswersAndLaterAnswersMatchNothing() {
		Appointment textedAbout = sessionCompleted(ASKED, SATURDAY_10);
		this.reminders.reply(textReply(ASKED, 3));
		Appointment someoneElses = sessionCompleted(ALSO_ASKED, TUESDAY_15);
		this.reminders.reply(textReply(ALSO_ASKED, 5));
		Appointment answeredOnThePage = sessionCompleted(ASKED, TUESDAY_15.plusDays(1));
		this.reminders.reply(onThePage(ASKED, answeredOnThePage, 4, "Less pain in my lower back."));
		Appointment unanswered = sessionCompleted(ASKED, TUESDAY_15.plusDays(2));
		this.reminders.publishedFeedback();

		this.reminders.erase(new ErasureRequested(ErasureId.random(), ASKED.email(), ASKED.mobilePhone(), "ops",
				this.reminders.now()));

		List<KeyValue<AppointmentId, SessionFeedback>> tombstones = this.reminders.publishedFeedback();
		assertThat(tombstones).allSatisfy((record) -> assertThat(record.value).as("a tombstone").isNull())
			.extracting((record) -> record.key)
			.containsExactlyInAnyOrder(textedAbout.appointmentId(), answeredOnThePage.appointmentId());
		assertThat(this.reminders.feedbackQuestions(PatientContact.of(ASKED))).isNull();
		assertThat(this.reminders.feedbackQuestions(PatientContact.of(ALSO_ASKED)).answered())
			.containsExactly(someoneElses.appointmentId().value());

		this.reminders.reply(textReply(ASKED, 5));
		this.reminders.reply(onThePage(ASKED, unanswered, 5, null));

		assertThat(this.reminders.publishedFeedback()).isEmpty();
		assertThat(unmatched()).isEqualTo(2);
	}

	@Test
	void writesFeedbackThatReadsBackWithTheTopicsSerdeAndKeepsTheContract() {
		Appointment session = sessionCompleted(ASKED, SATURDAY_10);

		this.reminders.reply(onThePage(ASKED, session, 5, "Très bien."));

		TestRecord<byte[], byte[]> written = this.reminders.publishedFeedbackAsWritten().get(0);
		EventType<?> type = Topics.SESSION_FEEDBACK.eventTypes().get(0);
		assertThat(CloudEvents.header(written.headers(), CloudEvents.TYPE)).isEqualTo(type.ceType());
		assertThat(Contract.violations(type, written.value())).isEmpty();
		assertThat(Topics.SESSION_FEEDBACK.keySerde()
			.deserializer()
			.deserialize(Topics.SESSION_FEEDBACK.name(), written.key())).isEqualTo(session.appointmentId());
		assertThat(new String(written.key(), StandardCharsets.UTF_8)).isEqualTo(session.appointmentId().value());
		assertThat(Topics.SESSION_FEEDBACK.valueSerde()
			.deserializer()
			.deserialize(Topics.SESSION_FEEDBACK.name(), written.headers(), written.value()))
			.isEqualTo(new SessionFeedback(session, 5, "Très bien.", FeedbackSource.LINK, this.reminders.now()));
	}

	/**
	 * Books a session for {@code patient}, lets it take place and marks it completed, as
	 * the therapist does; returns the session the thank-you went out for.
	 */
	private Appointment sessionCompleted(Patient patient, LocalDateTime start) {
		Appointment session = appointment(patient, "burlington", "rmt-swedish-60", start, Duration.ofHours(1));
		this.reminders.send(new AppointmentConfirmed(RequestId.random(), session));
		this.reminders.advanceTo(session.end().plus(Duration.ofMinutes(5)));
		List<DueNotice> thanked = this.reminders.send(new AppointmentCompleted(CommandId.random(), session, null));
		assertThat(thanked).singleElement()
			.isInstanceOfSatisfying(ThankYouDue.class, (thanks) -> assertThat(thanks.appointment()).isEqualTo(session));
		return session;
	}

	/** A score the patient texts back now, as the inbound-SMS webhook publishes it. */
	private FeedbackAnswered textReply(Patient patient, int score) {
		return new FeedbackAnswered(PatientContact.of(patient), null, score, null, this.reminders.now());
	}

	/** An answer on the page the patient's link opens, sent now. */
	private FeedbackAnswered onThePage(Patient patient, Appointment session, int score, String comment) {
		return new FeedbackAnswered(PatientContact.of(patient), session.appointmentId(), score, comment,
				this.reminders.now());
	}

	private double recorded(FeedbackSource source) {
		return this.reminders.registry.get("reminders.feedback.recorded")
			.tag("source", source.name().toLowerCase(Locale.ROOT))
			.counter()
			.count();
	}

	private double unmatched() {
		return this.reminders.registry.get("reminders.feedback.unmatched").counter().count();
	}

}
