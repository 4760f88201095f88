package com.geminihealth.intake.decider;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.geminihealth.intake.clinic.TestClinic;
import com.geminihealth.schemas.appointment.Appointment;
import com.geminihealth.schemas.appointment.AppointmentConfirmed;
import com.geminihealth.schemas.appointment.AppointmentDeclined;
import com.geminihealth.schemas.appointment.AppointmentEvent;
import com.geminihealth.schemas.appointment.AppointmentRescheduled;
import com.geminihealth.schemas.appointment.DeclineReason;
import com.geminihealth.schemas.appointment.RescheduleDeclined;
import com.geminihealth.schemas.appointment.Slot;
import com.geminihealth.schemas.booking.Consent;
import com.geminihealth.schemas.booking.Language;
import com.geminihealth.schemas.booking.Patient;

import static com.geminihealth.intake.decider.DeciderDriver.PATIENT;
import static com.geminihealth.intake.decider.DeciderDriver.book;
import static com.geminihealth.intake.decider.DeciderDriver.rescheduleAt;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Booking on the nights Toronto's clocks change. Nia works every night 00:00-04:00
 * ({@link TestClinic#openAtNight()}); a massage takes 30 minutes and 10 of buffer, on a
 * 15-minute grid. In spring the clocks go from 01:59 EST to 03:00 EDT, so 02:00-02:59 is
 * no time at all; in autumn from 01:59 EDT back to 01:00 EST, so 01:00-01:59 happens
 * twice. Expected instants are written with their offsets, not computed from the zone.
 */
class DeciderClockChangeTest {

	static final ZoneOffset EST = ZoneOffset.ofHours(-5);

	static final ZoneOffset EDT = ZoneOffset.ofHours(-4);

	static final Patient OTHER_PATIENT = new Patient("Marc Gagnon", "marc@example.com", null, Language.FR,
			new Consent(false, false, false));

	final DeciderDriver decider = new DeciderDriver(TestClinic.openAtNight());

	/**
	 * The nights the clocks change in one year: the Sunday they spring forward and the
	 * Sunday they fall back.
	 */
	record ChangeNights(LocalDate springForward, LocalDate fallBack) {

		@Override
		public String toString() {
			return String.valueOf(this.springForward.getYear());
		}

	}

	static Stream<ChangeNights> years() {
		return Stream.of(new ChangeNights(LocalDate.of(2027, 3, 14), LocalDate.of(2027, 11, 7)),
				new ChangeNights(LocalDate.of(2026, 3, 8), LocalDate.of(2026, 11, 1)));
	}

	@AfterEach
	void close() {
		this.decider.close();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("years")
	void declinesATimeTheClocksSkipWithTheNearestOpenSlotsAndBooksNothingInItsPlace(ChangeNights nights) {
		LocalDate night = nights.springForward();
		this.decider.at(aWeekBefore(night));

		AppointmentDeclined declined = declined(this.decider.send(book("nia", "massage-30", night.atTime(2, 30))));

		assertThat(declined.reason()).isEqualTo(DeclineReason.NONEXISTENT_LOCAL_TIME);
		assertThat(declined.requestedStart()).isEqualTo(night.atTime(2, 30));
		// Nearest to the moment the clocks jump: the hour before it and the hour after
		// it.
		assertThat(declined.alternatives()).extracting(Slot::start)
			.containsExactly(at(night, 3, 0, EDT), at(night, 1, 45, EST), at(night, 3, 15, EDT));
		// 02:30 was not quietly booked as 03:30 (nor 02:30 EST, the same instant).
		assertThat(confirmed(this.decider.send(book("nia", "massage-30", night.atTime(3, 30)))).start())
			.isEqualTo(at(night, 3, 30, EDT));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("years")
	void declinesEveryTimeOfTheSkippedHourWhateverOffsetItCarries(ChangeNights nights) {
		LocalDate night = nights.springForward();
		this.decider.at(aWeekBefore(night));

		assertThat(declined(this.decider.send(book("nia", "massage-30", night.atTime(2, 0)))).reason())
			.isEqualTo(DeclineReason.NONEXISTENT_LOCAL_TIME);
		assertThat(declined(this.decider.send(book("nia", "massage-30", night.atTime(2, 45), EST, PATIENT))).reason())
			.isEqualTo(DeclineReason.NONEXISTENT_LOCAL_TIME);
		assertThat(declined(this.decider.send(book("nia", "massage-30", night.atTime(2, 45), EDT, PATIENT))).reason())
			.isEqualTo(DeclineReason.NONEXISTENT_LOCAL_TIME);
		assertThat(confirmed(this.decider.send(book("nia", "massage-30", night.atTime(1, 45), EST, PATIENT))).start())
			.isEqualTo(at(night, 1, 45, EST));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("years")
	void booksBothOccurrencesOfTheRepeatedHourForTwoPatientsWithoutDoubleBooking(ChangeNights nights) {
		LocalDate night = nights.fallBack();
		this.decider.at(aWeekBefore(night));

		Appointment first = confirmed(this.decider.send(book("nia", "massage-30", night.atTime(1, 30), EDT, PATIENT)));
		Appointment second = confirmed(
				this.decider.send(book("nia", "massage-30", night.atTime(1, 30), EST, OTHER_PATIENT)));

		assertThat(first.start()).isEqualTo(at(night, 1, 30, EDT));
		assertThat(second.start()).isEqualTo(at(night, 1, 30, EST));
		assertThat(Duration.between(first.start(), second.start())).isEqualTo(Duration.ofHours(1));
		assertThat(List.of(first.practitioner().value(), second.practitioner().value())).containsOnly("nia");
		for (ZoneOffset offset : new ZoneOffset[] { EDT, EST, null }) {
			AppointmentDeclined again = declined(
					this.decider.send(book("nia", "massage-30", night.atTime(1, 30), offset, PATIENT)));
			assertThat(again.reason()).as("01:30 at " + offset).isEqualTo(DeclineReason.SLOT_TAKEN);
			assertThat(again.requestedOffset()).isEqualTo(offset);
			assertThat(again.alternatives()).extracting(Slot::start).doesNotContain(first.start(), second.start());
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("years")
	void givesARepeatedTimeAskedForWithoutAnOffsetItsFirstOccurrence(ChangeNights nights) {
		LocalDate night = nights.fallBack();
		this.decider.at(aWeekBefore(night));

		assertThat(confirmed(this.decider.send(book("nia", "massage-30", night.atTime(1, 30)))).start())
			.isEqualTo(at(night, 1, 30, EDT));

		AppointmentDeclined taken = declined(this.decider.send(book("nia", "massage-30", night.atTime(1, 30))));
		assertThat(taken.reason()).isEqualTo(DeclineReason.SLOT_TAKEN);
		// 05:30-06:00 UTC and its buffer are taken; 01:15 EST comes after them.
		assertThat(taken.alternatives()).extracting(Slot::start)
			.containsExactly(at(night, 0, 45, EDT), at(night, 1, 15, EST), at(night, 0, 30, EDT));
		assertThat(confirmed(this.decider.send(book("nia", "massage-30", night.atTime(1, 30), EST, PATIENT))).start())
			.isEqualTo(at(night, 1, 30, EST));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("years")
	void declinesAnOffsetTheClocksDoNotShowAtThatTime(ChangeNights nights) {
		LocalDate night = nights.fallBack();
		this.decider.at(aWeekBefore(night));

		// 00:30 happens once that night, at -04:00; 00:30 at -05:00 would be 01:30 EDT.
		AppointmentDeclined declined = declined(
				this.decider.send(book("nia", "massage-30", night.atTime(0, 30), EST, PATIENT)));

		assertThat(declined.reason()).isEqualTo(DeclineReason.NONEXISTENT_LOCAL_TIME);
		assertThat(declined.requestedOffset()).isEqualTo(EST);
		assertThat(declined.alternatives()).extracting(Slot::start).first().isEqualTo(at(night, 0, 30, EDT));
		assertThat(this.decider.openSlots("massage-30", night)).extracting(Slot::start)
			.contains(at(night, 0, 30, EDT), at(night, 1, 30, EDT));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("years")
	void movesAnAppointmentToTheSecondOccurrenceOfTheRepeatedHourButNotIntoTheSkippedOne(ChangeNights nights) {
		LocalDate autumn = nights.fallBack();
		this.decider.at(aWeekBefore(nights.springForward()));
		Appointment spring = confirmed(
				this.decider.send(book("nia", "massage-30", nights.springForward().atTime(1, 0))));

		RescheduleDeclined intoTheGap = (RescheduleDeclined) this.decider
			.send(rescheduleAt(spring.appointmentId(), nights.springForward().atTime(2, 15), null));

		assertThat(intoTheGap.reason()).isEqualTo(DeclineReason.NONEXISTENT_LOCAL_TIME);
		assertThat(intoTheGap.appointment().start()).isEqualTo(spring.start());
		assertThat(intoTheGap.alternatives()).isNotEmpty();

		this.decider.at(aWeekBefore(autumn));
		Appointment fall = confirmed(this.decider.send(book("nia", "massage-30", autumn.atTime(0, 15))));

		AppointmentRescheduled moved = (AppointmentRescheduled) this.decider
			.send(rescheduleAt(fall.appointmentId(), autumn.atTime(1, 30), EST));

		assertThat(moved.appointment().start()).isEqualTo(at(autumn, 1, 30, EST));
		assertThat(moved.appointment().end()).isEqualTo(at(autumn, 2, 0, EST));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("years")
	void listsNoOpenTimeInTheSkippedHourAndBothOccurrencesOfTheRepeatedOne(ChangeNights nights) {
		LocalDate spring = nights.springForward();
		this.decider.at(aWeekBefore(spring));

		List<Instant> expected = new ArrayList<>(quarterHours(spring, LocalTime.of(0, 0), LocalTime.of(1, 45), EST));
		expected.addAll(quarterHours(spring, LocalTime.of(3, 0), LocalTime.of(3, 30), EDT));
		assertThat(this.decider.openSlots("massage-30", spring)).extracting(Slot::start)
			.containsExactlyElementsOf(expected);

		LocalDate autumn = nights.fallBack();
		this.decider.at(aWeekBefore(autumn));
		confirmed(this.decider.send(book("nia", "massage-30", autumn.atTime(1, 0), EDT, PATIENT)));

		// 01:00 EDT is taken, with its buffer until 01:40 EDT; all of the second 01:00
		// hour
		// is open.
		expected = new ArrayList<>(quarterHours(autumn, LocalTime.of(0, 0), LocalTime.of(0, 15), EDT));
		expected.add(at(autumn, 1, 45, EDT));
		expected.addAll(quarterHours(autumn, LocalTime.of(1, 0), LocalTime.of(3, 30), EST));
		assertThat(this.decider.openSlots("massage-30", autumn)).extracting(Slot::start)
			.containsExactlyElementsOf(expected);
	}

	private static Instant aWeekBefore(LocalDate night) {
		return night.minusWeeks(1).atTime(12, 0).toInstant(ZoneOffset.UTC);
	}

	private static Instant at(LocalDate day, int hour, int minute, ZoneOffset offset) {
		return OffsetDateTime.of(day, LocalTime.of(hour, minute), offset).toInstant();
	}

	/** Every quarter hour from {@code first} to {@code last}, both included. */
	private static List<Instant> quarterHours(LocalDate day, LocalTime first, LocalTime last, ZoneOffset offset) {
		List<Instant> starts = new ArrayList<>();
		for (LocalTime time = first; !time.isAfter(last); time = time.plusMinutes(15)) {
			starts.add(OffsetDateTime.of(day, time, offset).toInstant());
		}
		return starts;
	}

	private static Appointment confirmed(AppointmentEvent event) {
		assertThat(event).isInstanceOf(AppointmentConfirmed.class);
		return ((AppointmentConfirmed) event).appointment();
	}

	private static AppointmentDeclined declined(AppointmentEvent event) {
		assertThat(event).isInstanceOf(AppointmentDeclined.class);
		return (AppointmentDeclined) event;
	}

}
