package com.geminihealth.reminders.scheduler;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.geminihealth.reminders.policy.Policy;
import com.geminihealth.reminders.policy.ReminderRule;
import com.geminihealth.schemas.DeadLetters;
import com.geminihealth.schemas.appointment.Appointment;
import com.geminihealth.schemas.appointment.AppointmentCancelled;
import com.geminihealth.schemas.appointment.AppointmentCompleted;
import com.geminihealth.schemas.appointment.AppointmentConfirmed;
import com.geminihealth.schemas.appointment.AppointmentNoShow;
import com.geminihealth.schemas.appointment.AppointmentRescheduled;
import com.geminihealth.schemas.booking.CommandId;
import com.geminihealth.schemas.booking.RequestId;
import com.geminihealth.schemas.patient.AttendanceConfirmed;
import com.geminihealth.schemas.patient.PatientContact;
import com.geminihealth.schemas.reminder.Channel;
import com.geminihealth.schemas.reminder.DueNotice;
import com.geminihealth.schemas.reminder.FollowUpDue;
import com.geminihealth.schemas.reminder.ReminderDue;
import com.geminihealth.schemas.reminder.ThankYouDue;

import static com.geminihealth.reminders.scheduler.RemindersDriver.CONSENTING;
import static com.geminihealth.reminders.scheduler.RemindersDriver.NOT_CONSENTING;
import static com.geminihealth.reminders.scheduler.RemindersDriver.appointment;
import static org.assertj.core.api.Assertions.assertThat;

/** Every rule of the reminder policy, on the real topology with a driven wall clock. */
class ReminderRulesTest {

	/** Friday 2026-11-20, 10:00 in Toronto. */
	static final LocalDateTime FRIDAY_10 = LocalDateTime.of(2026, 11, 20, 10, 0);

	static final LocalDateTime MONDAY_14 = LocalDateTime.of(2026, 11, 23, 14, 0);

	RemindersDriver reminders = new RemindersDriver(local(FRIDAY_10));

	@AfterEach
	void close() {
		this.reminders.close();
	}

	@Test
	void sendsAnEmailADayAheadAndAnSmsTwoHoursAheadByDefault() {
		Appointment appointment = appointment(MONDAY_14);
		this.reminders.send(confirmed(appointment));

		assertThat(this.reminders.advanceTo(local(MONDAY_14.minusHours(24)).minusMillis(1))).isEmpty();
		assertThat(reminders(this.reminders.advanceTo(MONDAY_14.minusHours(24))))
			.containsExactly(new Fired("email-24h", Channel.EMAIL, local(MONDAY_14.minusHours(24))));
		assertThat(this.reminders.advanceTo(local(MONDAY_14.minusHours(2)).minusMillis(1))).isEmpty();
		List<DueNotice> sms = this.reminders.advanceTo(MONDAY_14.minusHours(2));

		assertThat(reminders(sms)).containsExactly(new Fired("sms-2h", Channel.SMS, local(MONDAY_14.minusHours(2))));
		assertThat(sms.get(0).appointment()).isEqualTo(appointment);
		assertThat(sms.get(0).firedAt()).isEqualTo(local(MONDAY_14.minusHours(2)));
	}

	@Test
	void neverFiresEarlyAndRecordsHowLateItFired() {
		this.reminders.send(confirmed(appointment(MONDAY_14)));

		this.reminders.advanceTo(local(MONDAY_14.minusHours(24)).minusMillis(1));
		List<DueNotice> late = this.reminders.advanceTo(local(MONDAY_14.minusHours(24)).plusMillis(150));

		assertThat(late).singleElement()
			.satisfies((notice) -> assertThat(Duration.between(notice.dueAt(), notice.firedAt()))
				.isEqualTo(Duration.ofMillis(150)));
		assertThat(this.reminders.metrics.earlyFires()).isZero();
		assertThat(this.reminders.metrics.lateness().count()).isEqualTo(1);
		assertThat(this.reminders.metrics.lateness().max(java.util.concurrent.TimeUnit.MILLISECONDS)).isEqualTo(150);
	}

	@Test
	void sendsOnlyTheSmsForABookingMadeThreeHoursAhead() {
		LocalDateTime start = FRIDAY_10.plusHours(3);
		this.reminders.send(confirmed(appointment(start)));

		assertThat(reminders(this.reminders.advanceTo(start.minusMinutes(1))))
			.containsExactly(new Fired("sms-2h", Channel.SMS, local(start.minusHours(2))));
	}

	@Test
	void movesTheRemindersWhenTheAppointmentIsRescheduled() {
		Appointment appointment = appointment(MONDAY_14);
		this.reminders.send(confirmed(appointment));
		LocalDateTime tuesday = MONDAY_14.plusDays(1);
		this.reminders.send(rescheduled(appointment, tuesday));

		assertThat(this.reminders.advanceTo(MONDAY_14.minusHours(1))).isEmpty();
		assertThat(reminders(this.reminders.advanceTo(tuesday.minusMinutes(1)))).containsExactly(
				new Fired("email-24h", Channel.EMAIL, local(MONDAY_14)),
				new Fired("sms-2h", Channel.SMS, local(tuesday.minusHours(2))));
	}

	@Test
	void sendsNothingForACancelledAppointment() {
		Appointment appointment = appointment(MONDAY_14);
		this.reminders.send(confirmed(appointment));
		this.reminders.advanceTo(MONDAY_14.minusHours(24));
		this.reminders.send(new AppointmentCancelled(CommandId.random(), appointment, null));

		assertThat(this.reminders.advanceTo(MONDAY_14.plusDays(60))).isEmpty();
		assertThat(this.reminders.metrics.scheduled()).isZero();
	}

	@Test
	void sendsNothingMoreAfterANoShow() {
		Appointment appointment = appointment(MONDAY_14);
		this.reminders.send(confirmed(appointment));
		this.reminders.advanceTo(MONDAY_14.plusMinutes(15));
		this.reminders.send(new AppointmentNoShow(CommandId.random(), appointment));

		assertThat(this.reminders.advanceTo(MONDAY_14.plusDays(60))).isEmpty();
	}

	@Test
	void movesAnSmsDueInQuietHoursToTheLastMinuteBeforeThem() {
		LocalDateTime early = LocalDateTime.of(2026, 11, 23, 9, 30);
		this.reminders.send(confirmed(appointment(early)));

		assertThat(reminders(this.reminders.advanceTo(early.minusMinutes(1)))).containsExactly(
				new Fired("email-24h", Channel.EMAIL, local(early.minusHours(24))),
				new Fired("sms-2h", Channel.SMS, local(LocalDateTime.of(2026, 11, 22, 20, 59))));
	}

	@Test
	void skipsAnSmsWhenTheLastMomentBeforeQuietHoursHasAlreadyPassed() {
		this.reminders.advanceTo(LocalDateTime.of(2026, 11, 22, 22, 0));
		LocalDateTime early = LocalDateTime.of(2026, 11, 23, 9, 30);
		this.reminders.send(confirmed(appointment(early)));

		assertThat(this.reminders.advanceTo(early)).isEmpty();
	}

	@Test
	void followsTheLocationsDayBeforeAt18PolicyAndTheServicesOverIt() {
		this.reminders.close();
		this.reminders = new RemindersDriver(
				RemindersDriver.properties(
						Map.of("hamilton",
								new Policy(List.of(ReminderRule.daysBefore("email-day-before", Channel.EMAIL, 1,
										LocalTime.of(18, 0))), null, null)),
						Map.of("chiro-visit", new Policy(
								List.of(ReminderRule.before("sms-1h", Channel.SMS, Duration.ofHours(1))), null, null)),
						false),
				local(FRIDAY_10));
		this.reminders
			.send(confirmed(appointment(CONSENTING, "hamilton", "rmt-swedish-60", MONDAY_14, Duration.ofHours(1))));
		this.reminders
			.send(confirmed(appointment(NOT_CONSENTING, "hamilton", "chiro-visit", MONDAY_14, Duration.ofMinutes(20))));
		this.reminders.send(confirmed(
				appointment(CONSENTING, "burlington", "rmt-swedish-60", MONDAY_14.plusDays(1), Duration.ofHours(1))));

		List<DueNotice> fired = new java.util.ArrayList<>(this.reminders.advanceTo(MONDAY_14.minusMinutes(1)));
		fired.addAll(this.reminders.advanceTo(MONDAY_14));

		assertThat(reminders(fired)).containsExactly(
				new Fired("email-day-before", Channel.EMAIL, local(LocalDateTime.of(2026, 11, 22, 18, 0))),
				new Fired("sms-1h", Channel.SMS, local(MONDAY_14.minusHours(1))),
				new Fired("email-24h", Channel.EMAIL, local(MONDAY_14)));
	}

	@Test
	void firesWhatFellDueWhileItWasNotRunningLateAndOldestFirst() {
		this.reminders.send(confirmed(appointment(MONDAY_14)));
		this.reminders.send(confirmed(appointment(NOT_CONSENTING, "oakville", "chiro-visit", MONDAY_14.plusHours(3),
				Duration.ofMinutes(20))));

		List<DueNotice> fired = this.reminders.advanceTo(MONDAY_14.minusMinutes(30));

		assertThat(fired).extracting(DueNotice::dueAt)
			.containsExactly(local(MONDAY_14.minusHours(24)), local(MONDAY_14.minusHours(21)),
					local(MONDAY_14.minusHours(2)));
		assertThat(fired)
			.allSatisfy((notice) -> assertThat(notice.firedAt()).isEqualTo(local(MONDAY_14.minusMinutes(30))));
		assertThat(this.reminders.metrics.lateness().max(java.util.concurrent.TimeUnit.HOURS)).isEqualTo(23.5);
		assertThat(this.reminders.metrics.earlyFires()).isZero();
	}

	@Test
	void dropsAReminderThatFellDueWhileItWasNotRunningOnceTheAppointmentHasStarted() {
		this.reminders.send(confirmed(appointment(MONDAY_14)));

		List<DueNotice> fired = this.reminders.advanceTo(MONDAY_14.plusMinutes(10));

		assertThat(fired).isEmpty();
		assertThat(this.reminders.metrics.expiredCount()).isEqualTo(2);
	}

	@Test
	void thanksThePatientWithTheTherapistsNotesWhenTheSessionIsMarkedCompleted() {
		Appointment appointment = appointment(MONDAY_14);
		this.reminders.send(confirmed(appointment));
		this.reminders.advanceTo(MONDAY_14.plusHours(1));

		List<DueNotice> thanked = this.reminders
			.send(new AppointmentCompleted(CommandId.random(), appointment, "Stretch your calves twice a day."));

		assertThat(thanked).singleElement()
			.isInstanceOfSatisfying(ThankYouDue.class,
					(thanks) -> assertThat(thanks.homeCareAdvice()).isEqualTo("Stretch your calves twice a day."));
		assertThat(this.reminders.advanceTo(MONDAY_14.plusDays(1))).isEmpty();
	}

	@Test
	void thanksWithTheServicesAdviceOnceTheGracePeriodPassesWithoutACancellation() {
		Appointment appointment = appointment(CONSENTING, "burlington", "physio-follow-up", MONDAY_14,
				Duration.ofMinutes(30));
		this.reminders.send(confirmed(appointment));
		this.reminders.advanceTo(local(MONDAY_14).plus(Duration.ofMinutes(150)).minusMillis(1));

		List<DueNotice> thanked = this.reminders.advanceTo(local(MONDAY_14).plus(Duration.ofMinutes(150)));

		assertThat(thanked).singleElement()
			.isInstanceOfSatisfying(ThankYouDue.class,
					(thanks) -> assertThat(thanks.homeCareAdvice()).isEqualTo("Do your exercises."));
		assertThat(this.reminders.send(new AppointmentCompleted(CommandId.random(), appointment, "Late notes")))
			.isEmpty();
	}

	@Test
	void queuesTheFollowUpAtTheServiceIntervalWithANudgeOnlyWithConsent() {
		Appointment consenting = appointment(CONSENTING, "burlington", "physio-follow-up", MONDAY_14,
				Duration.ofMinutes(30));
		Appointment notConsenting = appointment(NOT_CONSENTING, "burlington", "rmt-swedish-60", MONDAY_14,
				Duration.ofHours(1));
		this.reminders.send(confirmed(consenting));
		this.reminders.send(confirmed(notConsenting));
		this.reminders.advanceTo(MONDAY_14.plusHours(1));
		this.reminders.send(new AppointmentCompleted(CommandId.random(), consenting, null));
		this.reminders.send(new AppointmentCompleted(CommandId.random(), notConsenting, null));

		List<DueNotice> fired = this.reminders.advanceTo(MONDAY_14.plusDays(30));

		assertThat(fired).filteredOn(FollowUpDue.class::isInstance)
			.map(FollowUpDue.class::cast)
			.extracting((followUp) -> followUp.appointment().appointmentId(), FollowUpDue::nudge, DueNotice::dueAt)
			.containsExactly(
					org.assertj.core.groups.Tuple.tuple(consenting.appointmentId(), true,
							consenting.end().plus(Duration.ofDays(14))),
					org.assertj.core.groups.Tuple.tuple(notConsenting.appointmentId(), false,
							notConsenting.end().plus(Duration.ofDays(28))));
	}

	@Test
	void cancelsTheFollowUpWhenThePatientBooksAgainAtThatLocation() {
		Appointment first = appointment(MONDAY_14);
		Appointment other = appointment(NOT_CONSENTING, "burlington", "rmt-swedish-60", MONDAY_14, Duration.ofHours(1));
		this.reminders.send(confirmed(first));
		this.reminders.send(confirmed(other));
		this.reminders.advanceTo(MONDAY_14.plusHours(1));
		this.reminders.send(new AppointmentCompleted(CommandId.random(), first, null));
		this.reminders.send(new AppointmentCompleted(CommandId.random(), other, null));
		this.reminders.send(confirmed(
				appointment(CONSENTING, "burlington", "rmt-swedish-60", MONDAY_14.plusDays(60), Duration.ofHours(1))));
		this.reminders.send(confirmed(appointment(NOT_CONSENTING, "oakville", "rmt-swedish-60", MONDAY_14.plusDays(60),
				Duration.ofHours(1))));

		List<DueNotice> fired = this.reminders.advanceTo(MONDAY_14.plusDays(30));

		assertThat(fired).filteredOn(FollowUpDue.class::isInstance)
			.extracting(DueNotice::appointmentId)
			.containsExactly(other.appointmentId());
		assertThat(this.reminders.tracked(first.appointmentId())).isNull();
	}

	@Test
	void skipsTheRemainingRemindersOnceThePatientRepliesCWhenThePolicySaysSo() {
		this.reminders.close();
		this.reminders = new RemindersDriver(RemindersDriver.properties(Map.of(), Map.of(), true), local(FRIDAY_10));
		Appointment next = appointment(MONDAY_14);
		Appointment later = appointment(MONDAY_14.plusDays(7));
		this.reminders.send(confirmed(later));
		this.reminders.send(confirmed(next));
		this.reminders.advanceTo(MONDAY_14.minusHours(24));

		this.reminders
			.reply(new AttendanceConfirmed(new PatientContact(CONSENTING.mobilePhone()), this.reminders.now()));

		assertThat(reminders(this.reminders.advanceTo(MONDAY_14.plusDays(7).minusMinutes(1)))).containsExactly(
				new Fired("email-24h", Channel.EMAIL, local(MONDAY_14.plusDays(6))),
				new Fired("sms-2h", Channel.SMS, local(MONDAY_14.plusDays(7).minusHours(2))));
	}

	@Test
	void keepsTheRemindersAfterThePatientRepliesCByDefault() {
		this.reminders.send(confirmed(appointment(MONDAY_14)));
		this.reminders.advanceTo(MONDAY_14.minusHours(24));

		this.reminders
			.reply(new AttendanceConfirmed(new PatientContact(CONSENTING.mobilePhone()), this.reminders.now()));

		assertThat(reminders(this.reminders.advanceTo(MONDAY_14.minusMinutes(1))))
			.containsExactly(new Fired("sms-2h", Channel.SMS, local(MONDAY_14.minusHours(2))));
	}

	@Test
	void deadLettersAnUnreadableAppointmentEventWithTheReasonAndKeepsScheduling() {
		List<TestRecord<byte[], byte[]>> deadLetters = this.reminders
			.sendUnreadable("{\"not\": \"an event\"}".getBytes(StandardCharsets.UTF_8));
		this.reminders.send(confirmed(appointment(MONDAY_14)));

		assertThat(deadLetters).singleElement().satisfies((letter) -> {
			assertThat(new String(letter.value(), StandardCharsets.UTF_8)).isEqualTo("{\"not\": \"an event\"}");
			assertThat(new String(letter.headers().lastHeader(DeadLetters.REASON).value(), StandardCharsets.UTF_8))
				.contains("ce_type");
			assertThat(
					new String(letter.headers().lastHeader(DeadLetters.SOURCE_TOPIC).value(), StandardCharsets.UTF_8))
				.isEqualTo("appointments");
		});

		assertThat(reminders(this.reminders.advanceTo(MONDAY_14.minusHours(24))))
			.containsExactly(new Fired("email-24h", Channel.EMAIL, local(MONDAY_14.minusHours(24))));
	}

	@Test
	void keepsOnlyEachAppointmentsNextEntryDueAndArmsTheOneAfterAsItFires() {
		Appointment appointment = appointment(MONDAY_14);
		this.reminders.send(confirmed(appointment));
		assertThat(this.reminders.armed()).extracting(Due::tag).containsExactly("reminder:email-24h");

		this.reminders.advanceTo(MONDAY_14.minusHours(24));
		assertThat(this.reminders.armed()).extracting(Due::tag).containsExactly("reminder:sms-2h");

		this.reminders.advanceTo(MONDAY_14.minusHours(2));
		assertThat(this.reminders.armed()).extracting(Due::tag).containsExactly("SESSION_OVER");
		assertThat(this.reminders.metrics.scheduled()).isOne();
	}

	@Test
	void firesEntriesOfOneAppointmentDueAtTheSameInstantInTheSameTick() {
		this.reminders.close();
		this.reminders = new RemindersDriver(RemindersDriver.properties(
				Map.of("burlington",
						new Policy(List.of(ReminderRule.before("email-2h", Channel.EMAIL, Duration.ofHours(2)),
								ReminderRule.before("sms-2h", Channel.SMS, Duration.ofHours(2))), null, null)),
				Map.of(), false), local(FRIDAY_10));
		this.reminders.send(confirmed(appointment(MONDAY_14)));

		assertThat(reminders(this.reminders.advanceTo(MONDAY_14.minusHours(2)))).containsExactly(
				new Fired("email-2h", Channel.EMAIL, local(MONDAY_14.minusHours(2))),
				new Fired("sms-2h", Channel.SMS, local(MONDAY_14.minusHours(2))));
	}

	@Test
	void stillThanksThePatientWhenTheirReplySkipsTheReminderThatWasNext() {
		this.reminders.close();
		this.reminders = new RemindersDriver(RemindersDriver.properties(Map.of(), Map.of(), true), local(FRIDAY_10));
		this.reminders.send(confirmed(appointment(MONDAY_14)));
		this.reminders.advanceTo(MONDAY_14.minusHours(24));

		this.reminders
			.reply(new AttendanceConfirmed(new PatientContact(CONSENTING.mobilePhone()), this.reminders.now()));

		assertThat(this.reminders.armed()).extracting(Due::tag).containsExactly("SESSION_OVER");
		assertThat(this.reminders.advanceTo(MONDAY_14.plusHours(3))).singleElement().isInstanceOf(ThankYouDue.class);
	}

	@Test
	void countsWhatIsScheduledInTheGauge() {
		this.reminders.send(confirmed(appointment(MONDAY_14)));
		this.reminders.send(
				confirmed(appointment(NOT_CONSENTING, "burlington", "rmt-swedish-60", MONDAY_14, Duration.ofHours(1))));

		assertThat(this.reminders.registry.get("reminders.scheduled").gauge().value()).isEqualTo(6);
		this.reminders.advanceTo(MONDAY_14.minusHours(24));
		assertThat(this.reminders.registry.get("reminders.scheduled").gauge().value()).isEqualTo(4);
	}

	static Instant local(LocalDateTime local) {
		return local.atZone(RemindersDriver.TORONTO).toInstant();
	}

	static AppointmentConfirmed confirmed(Appointment appointment) {
		return new AppointmentConfirmed(RequestId.random(), appointment);
	}

	static AppointmentRescheduled rescheduled(Appointment appointment, LocalDateTime start) {
		Instant begins = local(start);
		Appointment moved = new Appointment(appointment.appointmentId(), appointment.location(), appointment.service(),
				appointment.practitioner(), appointment.practitionerName(), begins,
				begins.plus(Duration.between(appointment.start(), appointment.end())), appointment.zone(),
				appointment.patient(), appointment.notes(), appointment.sequence() + 1);
		return new AppointmentRescheduled(CommandId.random(), moved, appointment.start(), appointment.practitioner());
	}

	static List<Fired> reminders(List<DueNotice> notices) {
		return notices.stream()
			.filter(ReminderDue.class::isInstance)
			.map(ReminderDue.class::cast)
			.map((reminder) -> new Fired(reminder.rule(), reminder.channel(), reminder.dueAt()))
			.toList();
	}

	record Fired(String rule, Channel channel, Instant dueAt) {
	}

}
