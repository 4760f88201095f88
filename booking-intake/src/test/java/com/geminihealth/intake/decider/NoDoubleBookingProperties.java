package com.geminihealth.intake.decider;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import com.geminihealth.schemas.appointment.Appointment;
import com.geminihealth.schemas.appointment.AppointmentCancelled;
import com.geminihealth.schemas.appointment.AppointmentConfirmed;
import com.geminihealth.schemas.appointment.AppointmentEvent;
import com.geminihealth.schemas.appointment.AppointmentRescheduled;
import com.geminihealth.schemas.booking.AppointmentId;

/**
 * No sequence of book, cancel and reschedule commands ever leaves one practitioner with
 * two confirmed appointments that overlap (buffers included), whatever the decider was
 * asked.
 */
class NoDoubleBookingProperties {

	static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);

	@Property(tries = 25)
	void practitionersAreNeverDoubleBooked(@ForAll("steps") List<Step> steps) {
		Map<AppointmentId, Appointment> confirmed = new HashMap<>();
		List<AppointmentId> known = new ArrayList<>();
		try (DeciderDriver decider = new DeciderDriver()) {
			decider.at(Instant.parse("2026-11-20T12:00:00Z"));
			for (Step step : steps) {
				AppointmentEvent outcome = decider.send(step.command(known));
				apply(outcome, confirmed, known);
				ScheduleChangeProperties.assertNoOverlap(confirmed.values());
			}
		}
	}

	private static void apply(AppointmentEvent outcome, Map<AppointmentId, Appointment> confirmed,
			List<AppointmentId> known) {
		if (outcome instanceof AppointmentConfirmed booked) {
			confirmed.put(booked.appointmentId(), booked.appointment());
			known.add(booked.appointmentId());
		}
		else if (outcome instanceof AppointmentRescheduled moved) {
			confirmed.put(moved.appointmentId(), moved.appointment());
		}
		else if (outcome instanceof AppointmentCancelled cancelled) {
			confirmed.remove(cancelled.appointmentId());
		}
	}

	@Provide
	Arbitrary<List<Step>> steps() {
		// A crowded morning: every quarter hour from 08:45 to 12:30, so requests collide
		// often.
		Arbitrary<LocalDateTime> times = Arbitraries.integers()
			.between(0, 15)
			.map((quarter) -> MONDAY.atTime(8, 45).plusMinutes(15L * quarter));
		Arbitrary<String> practitioners = Arbitraries.of("ana", "ben", null);
		Arbitrary<String> services = Arbitraries.of("massage-60", "massage-30");
		Arbitrary<Step> book = Combinators.combine(practitioners, services, times)
			.as((practitioner, service, time) -> (known) -> DeciderDriver.book(practitioner, service, time));
		Arbitrary<Step> cancel = Arbitraries.integers()
			.between(0, 50)
			.map((pick) -> (known) -> DeciderDriver.cancel(pickFrom(known, pick)));
		Arbitrary<Step> reschedule = Combinators.combine(Arbitraries.integers().between(0, 50), times, practitioners)
			.as((pick, time,
					practitioner) -> (known) -> DeciderDriver.reschedule(pickFrom(known, pick), time, practitioner));
		return Arbitraries
			.frequencyOf(net.jqwik.api.Tuple.of(6, book), net.jqwik.api.Tuple.of(2, cancel),
					net.jqwik.api.Tuple.of(3, reschedule))
			.list()
			.ofMinSize(5)
			.ofMaxSize(60);
	}

	private static AppointmentId pickFrom(List<AppointmentId> known, int pick) {
		return known.isEmpty() ? AppointmentId.random() : known.get(pick % known.size());
	}

	/** One command, chosen once the appointments made so far are known. */
	interface Step {

		com.geminihealth.schemas.booking.BookingCommand command(List<AppointmentId> known);

	}

}
