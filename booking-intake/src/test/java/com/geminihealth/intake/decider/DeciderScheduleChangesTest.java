package com.geminihealth.intake.decider;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.geminihealth.intake.clinic.TestClinic;
import com.geminihealth.platform.clinic.ScheduleConflicts;
import com.geminihealth.schemas.appointment.Appointment;
import com.geminihealth.schemas.appointment.AppointmentConfirmed;
import com.geminihealth.schemas.appointment.AppointmentDeclined;
import com.geminihealth.schemas.appointment.AppointmentEvent;
import com.geminihealth.schemas.appointment.DeclineReason;
import com.geminihealth.schemas.appointment.Slot;
import com.geminihealth.schemas.booking.LocationId;
import com.geminihealth.schemas.booking.PractitionerId;
import com.geminihealth.schemas.schedule.ScheduleChangeId;
import com.geminihealth.schemas.schedule.ScheduleChanged;
import com.geminihealth.schemas.schedule.ScheduleChanged.Kind;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The front desk's schedule changes reach the running decider: time off, breaks and
 * changed days apply to the next command, a tombstone takes one back, and appointments
 * confirmed before a change stay confirmed, listed as conflicts for the front desk.
 */
class DeciderScheduleChangesTest {

	/** A Monday, when Ana works 09:00-17:00. */
	static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);

	final DeciderDriver decider = new DeciderDriver();

	@AfterEach
	void close() {
		this.decider.close();
	}

	@Test
	void timeOffClosesTheSlotAtOnceAndItsTombstoneOpensItAgain() {
		assertThat(slotsOfAna("massage-60")).contains(LocalTime.of(10, 0));

		ScheduleChangeId morningOff = this.decider.changeSchedule(change(Kind.TIME_OFF, null, "09:00", "12:00"));

		assertThat(slotsOfAna("massage-60")).doesNotContain(LocalTime.of(9, 0), LocalTime.of(10, 0),
				LocalTime.of(11, 0));
		assertThat(slotsOfAna("massage-60")).contains(LocalTime.of(12, 0));
		assertThat(declined(bookAna("massage-60", 10, 0)).reason()).isEqualTo(DeclineReason.OUTSIDE_HOURS);

		this.decider.takeBack(morningOff);

		assertThat(slotsOfAna("massage-60")).contains(LocalTime.of(10, 0));
		assertThat(bookAna("massage-60", 10, 0)).isInstanceOf(AppointmentConfirmed.class);
	}

	@Test
	void aWholeDayOffLeavesNoSlotAndAnyoneElseTakesTheBooking() {
		this.decider.changeSchedule(change(Kind.TIME_OFF, null, null, null));

		assertThat(slotsOfAna("massage-60")).isEmpty();
		AppointmentEvent anyone = this.decider.send(DeciderDriver.book(null, "massage-60", MONDAY.atTime(10, 0)));
		assertThat(((AppointmentConfirmed) anyone).appointment().practitioner().value()).isEqualTo("ben");
	}

	@Test
	void aBreakLeavesTheHoursEitherSide() {
		this.decider.changeSchedule(change(Kind.BREAK, null, "12:00", "13:00"));

		assertThat(bookAna("massage-60", 11, 0)).isInstanceOf(AppointmentConfirmed.class);
		assertThat(declined(bookAna("massage-30", 12, 15)).reason()).isEqualTo(DeclineReason.OUTSIDE_HOURS);
		assertThat(declined(bookAna("massage-30", 11, 45)).reason()).isEqualTo(DeclineReason.OUTSIDE_HOURS);
		assertThat(bookAna("massage-30", 13, 0)).isInstanceOf(AppointmentConfirmed.class);
		assertThat(slotsOfAna("massage-30")).doesNotContain(LocalTime.of(12, 0), LocalTime.of(12, 30));
	}

	@Test
	void aChangedDayReplacesTheWeeklyHoursOfItsDate() {
		this.decider.changeSchedule(change(Kind.CHANGED_DAY, TestClinic.DOWNTOWN, "13:00", "20:00"));

		assertThat(declined(bookAna("massage-60", 10, 0)).reason()).isEqualTo(DeclineReason.OUTSIDE_HOURS);
		assertThat(bookAna("massage-60", 18, 30)).isInstanceOf(AppointmentConfirmed.class);
		assertThat(slotsOfAna("massage-60")).first().isEqualTo(LocalTime.of(13, 0));
	}

	@Test
	void aSecondChangedDayOfTheSameDateReplacesTheFirst() {
		this.decider.changeSchedule(change(Kind.CHANGED_DAY, TestClinic.DOWNTOWN, "13:00", "20:00"));
		this.decider.changeSchedule(change(Kind.CHANGED_DAY, TestClinic.DOWNTOWN, "07:00", "11:00"));

		assertThat(bookAna("massage-60", 7, 0)).isInstanceOf(AppointmentConfirmed.class);
		assertThat(declined(bookAna("massage-60", 14, 0)).reason()).isEqualTo(DeclineReason.OUTSIDE_HOURS);
	}

	@Test
	void aChangedDayOpensAHolidayAndAnotherLocationTakesTheDayAway() {
		LocalDate christmas = LocalDate.of(2026, 12, 25);
		assertThat(
				declined(this.decider.send(DeciderDriver.book("ana", "massage-60", christmas.atTime(10, 0)))).reason())
			.isEqualTo(DeclineReason.OUTSIDE_HOURS);

		this.decider.changeSchedule(new ScheduleChanged(new PractitionerId("ana"), christmas, Kind.CHANGED_DAY,
				new LocationId(TestClinic.DOWNTOWN), LocalTime.of(10, 0), LocalTime.of(14, 0), "amira", Instant.EPOCH));
		this.decider.changeSchedule(change(Kind.CHANGED_DAY, "elsewhere", "09:00", "17:00"));

		assertThat(this.decider.send(DeciderDriver.book("ana", "massage-60", christmas.atTime(10, 0))))
			.isInstanceOf(AppointmentConfirmed.class);
		assertThat(slotsOfAna("massage-60")).isEmpty();
	}

	@Test
	void appointmentsConfirmedBeforeTimeOffStayConfirmedAndAreListedAsConflicts() {
		Appointment atTen = ((AppointmentConfirmed) bookAna("massage-60", 10, 0)).appointment();
		Appointment atFour = ((AppointmentConfirmed) bookAna("massage-30", 16, 0)).appointment();
		this.decider.states();

		ScheduleChanged afternoonOff = change(Kind.TIME_OFF, null, "14:00", "17:00");
		this.decider.changeSchedule(afternoonOff);

		// Nothing is cancelled or published: the change only reaches the next decisions.
		assertThat(this.decider.states()).isEmpty();
		assertThat(ScheduleConflicts.among(TestClinic.clinic(), List.of(atTen, atFour), List.of(afternoonOff)))
			.containsExactly(atFour);
	}

	@Test
	void aChangeThatBreaksTheContractIsLeftOutAndBookingGoesOn() {
		this.decider.publishScheduleChange("ana/" + MONDAY + "/off", "com.geminihealth.schedule.ScheduleChanged.v1",
				"{\"practitioner\": \"ana\", \"date\": \"next monday\", \"kind\": \"TIME_OFF\"}");

		assertThat(bookAna("massage-60", 10, 0)).isInstanceOf(AppointmentConfirmed.class);
	}

	private AppointmentEvent bookAna(String service, int hour, int minute) {
		return this.decider.send(DeciderDriver.book("ana", service, MONDAY.atTime(hour, minute)));
	}

	private List<LocalTime> slotsOfAna(String service) {
		return this.decider.openSlots(service, "ana", MONDAY)
			.stream()
			.map(Slot::start)
			.map((start) -> start.atZone(TestClinic.TORONTO).toLocalTime())
			.toList();
	}

	private static AppointmentDeclined declined(AppointmentEvent event) {
		assertThat(event).isInstanceOf(AppointmentDeclined.class);
		return (AppointmentDeclined) event;
	}

	private static ScheduleChanged change(Kind kind, String location, String start, String end) {
		return new ScheduleChanged(new PractitionerId("ana"), MONDAY, kind,
				(location != null) ? new LocationId(location) : null, (start != null) ? LocalTime.parse(start) : null,
				(end != null) ? LocalTime.parse(end) : null, "amira", Instant.parse("2026-11-20T11:00:00Z"));
	}

}
