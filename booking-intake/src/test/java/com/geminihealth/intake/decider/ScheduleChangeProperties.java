package com.geminihealth.intake.decider;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

import com.geminihealth.intake.clinic.TestClinic;
import com.geminihealth.platform.clinic.ClinicProperties;
import com.geminihealth.platform.clinic.ScheduleConflicts;
import com.geminihealth.schemas.appointment.Appointment;
import com.geminihealth.schemas.appointment.AppointmentCancelled;
import com.geminihealth.schemas.appointment.AppointmentConfirmed;
import com.geminihealth.schemas.appointment.AppointmentEvent;
import com.geminihealth.schemas.appointment.AppointmentRescheduled;
import com.geminihealth.schemas.booking.AppointmentId;
import com.geminihealth.schemas.booking.LocationId;
import com.geminihealth.schemas.booking.PractitionerId;
import com.geminihealth.schemas.schedule.ScheduleChangeId;
import com.geminihealth.schemas.schedule.ScheduleChanged;
import com.geminihealth.schemas.schedule.ScheduleChanged.Kind;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever mix of bookings, cancellations, reschedules and schedule changes (time off,
 * breaks, changed days, and their tombstones) reaches the decider, no practitioner is
 * ever double-booked, nothing is confirmed or moved into time off, a break or outside a
 * changed day, and a schedule change never cancels or moves anything by itself. Seeded,
 * so a failure replays.
 */
class ScheduleChangeProperties {

	static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);

	static final ClinicProperties CLINIC = TestClinic.clinic();

	@Property(tries = 200, seed = "20261205")
	void neverDoubleBookedAndNeverBookedInTimeOff(@ForAll("steps") List<Step> steps) {
		Map<AppointmentId, Appointment> confirmed = new LinkedHashMap<>();
		Map<ScheduleChangeId, ScheduleChanged> changes = new LinkedHashMap<>();
		List<ScheduleChangeId> issued = new ArrayList<>();
		try (DeciderDriver decider = new DeciderDriver()) {
			decider.at(Instant.parse("2026-11-20T12:00:00Z"));
			for (Step step : steps) {
				if (step instanceof Change change) {
					ScheduleChangeId id = decider.changeSchedule(change.change());
					changes.put(id, change.change());
					issued.add(id);
					assertThat(decider.states()).as("a schedule change decides nothing").isEmpty();
				}
				else if (step instanceof TakeBack takeBack) {
					if (!issued.isEmpty()) {
						ScheduleChangeId id = issued.get(takeBack.pick() % issued.size());
						decider.takeBack(id);
						changes.remove(id);
					}
					assertThat(decider.states()).as("a tombstone decides nothing").isEmpty();
				}
				else {
					AppointmentEvent outcome = decider.send(((Command) step).command(List.copyOf(confirmed.keySet())));
					decider.states();
					Appointment given = apply(outcome, confirmed);
					if (given != null) {
						assertThat(ScheduleConflicts.fits(CLINIC, given, changes.values()))
							.as("%s inside %s's hours with %s", given.start(), given.practitioner(), changes.values())
							.isTrue();
					}
				}
				assertNoOverlap(confirmed.values());
			}
		}
	}

	/**
	 * Keeps the appointments as they stand; returns the one just given a time, if any.
	 */
	private static Appointment apply(AppointmentEvent outcome, Map<AppointmentId, Appointment> confirmed) {
		if (outcome instanceof AppointmentConfirmed booked) {
			confirmed.put(booked.appointmentId(), booked.appointment());
			return booked.appointment();
		}
		if (outcome instanceof AppointmentRescheduled moved) {
			confirmed.put(moved.appointmentId(), moved.appointment());
			return moved.appointment();
		}
		if (outcome instanceof AppointmentCancelled cancelled) {
			confirmed.remove(cancelled.appointmentId());
		}
		return null;
	}

	/**
	 * Fails if one practitioner has two of {@code appointments} that overlap, buffers
	 * included. Shared with the waitlist's property.
	 */
	static void assertNoOverlap(Collection<Appointment> appointments) {
		List<Appointment> all = new ArrayList<>(appointments);
		for (int i = 0; i < all.size(); i++) {
			for (int j = i + 1; j < all.size(); j++) {
				Appointment a = all.get(i);
				Appointment b = all.get(j);
				assertThat(overlap(a, b)).as("%s overlaps %s", a.start(), b.start()).isFalse();
			}
		}
	}

	/** Whether {@code a} and {@code b} keep one practitioner busy at once. */
	static boolean overlap(Appointment a, Appointment b) {
		return a.practitioner().equals(b.practitioner()) && occupiedUntil(a).isAfter(b.start())
				&& occupiedUntil(b).isAfter(a.start());
	}

	private static Instant occupiedUntil(Appointment appointment) {
		return appointment.end().plus(CLINIC.services().get(appointment.service().value()).buffer());
	}

	@Provide
	Arbitrary<List<Step>> steps() {
		Arbitrary<LocalDate> days = Arbitraries.integers().between(0, 2).map(MONDAY::plusDays);
		// Every quarter hour from 07:00 to 19:45: inside, across and outside the hours.
		Arbitrary<LocalTime> times = Arbitraries.integers()
			.between(0, 51)
			.map((q) -> LocalTime.of(7, 0).plusMinutes(15L * q));
		Arbitrary<String> practitioners = Arbitraries.of("ana", "ben");
		Arbitrary<String> anyone = Arbitraries.of("ana", "ben", null);
		Arbitrary<String> services = Arbitraries.of("massage-60", "massage-30");
		Arbitrary<Step> book = Combinators.combine(anyone, services, days, times)
			.as((practitioner, service, day,
					time) -> (Command) (known) -> DeciderDriver.book(practitioner, service, day.atTime(time)));
		Arbitrary<Step> cancel = Arbitraries.integers()
			.between(0, 50)
			.map((pick) -> (Command) (known) -> DeciderDriver.cancel(pickFrom(known, pick)));
		Arbitrary<Step> reschedule = Combinators.combine(Arbitraries.integers().between(0, 50), days, times, anyone)
			.as((pick, day, time, practitioner) -> (Command) (known) -> DeciderDriver.reschedule(pickFrom(known, pick),
					LocalDateTime.of(day, time), practitioner));
		Arbitrary<Kind> kinds = Arbitraries.of(Kind.TIME_OFF, Kind.BREAK, Kind.CHANGED_DAY);
		Arbitrary<Integer> lengths = Arbitraries.integers().between(1, 16);
		Arbitrary<Boolean> wholeDay = Arbitraries.integers().between(0, 4).map((n) -> n == 0);
		Arbitrary<Step> change = Combinators.combine(kinds, practitioners, days, times, lengths, wholeDay)
			.as((kind, practitioner, day, time, quarters, whole) -> new Change(
					change(kind, practitioner, day, time, time.plusMinutes(15L * quarters), whole)));
		Arbitrary<Step> takeBack = Arbitraries.integers().between(0, 50).map(TakeBack::new);
		return Arbitraries
			.frequencyOf(Tuple.of(6, book), Tuple.of(1, cancel), Tuple.of(2, reschedule), Tuple.of(2, change),
					Tuple.of(1, takeBack))
			.list()
			.ofMinSize(5)
			.ofMaxSize(40);
	}

	private static ScheduleChanged change(Kind kind, String practitioner, LocalDate day, LocalTime start, LocalTime end,
			boolean wholeDay) {
		boolean noHours = kind == Kind.TIME_OFF && wholeDay;
		LocalTime until = end.isAfter(start) ? end : LocalTime.of(23, 59);
		return new ScheduleChanged(new PractitionerId(practitioner), day, kind,
				(kind == Kind.CHANGED_DAY) ? new LocationId(TestClinic.DOWNTOWN) : null, noHours ? null : start,
				noHours ? null : until, "amira", Instant.parse("2026-11-20T12:00:00Z").plus(Duration.ofSeconds(1)));
	}

	private static AppointmentId pickFrom(List<AppointmentId> known, int pick) {
		return known.isEmpty() ? AppointmentId.random() : known.get(pick % known.size());
	}

	/** One step of a sequence. */
	interface Step {

	}

	/** A command, chosen once the appointments standing so far are known. */
	interface Command extends Step {

		com.geminihealth.schemas.booking.BookingCommand command(List<AppointmentId> known);

	}

	/** A schedule change the front desk enters. */
	record Change(ScheduleChanged change) implements Step {

	}

	/** A tombstone for one of the changes entered so far. */
	record TakeBack(int pick) implements Step {

	}

}
