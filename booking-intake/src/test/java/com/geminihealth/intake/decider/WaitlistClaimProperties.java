package com.geminihealth.intake.decider;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
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
import net.jqwik.api.statistics.Statistics;

import com.geminihealth.intake.decider.DeciderDriver.TestClinicLocation;
import com.geminihealth.schemas.appointment.Appointment;
import com.geminihealth.schemas.appointment.AppointmentCancelled;
import com.geminihealth.schemas.appointment.AppointmentConfirmed;
import com.geminihealth.schemas.appointment.AppointmentEvent;
import com.geminihealth.schemas.appointment.AppointmentRescheduled;
import com.geminihealth.schemas.booking.AppointmentId;
import com.geminihealth.schemas.booking.Author;
import com.geminihealth.schemas.booking.BookingCommand;
import com.geminihealth.schemas.booking.ClaimWaitlistOffer;
import com.geminihealth.schemas.booking.CommandId;
import com.geminihealth.schemas.booking.Consent;
import com.geminihealth.schemas.booking.JoinWaitlist;
import com.geminihealth.schemas.booking.Language;
import com.geminihealth.schemas.booking.Patient;
import com.geminihealth.schemas.booking.PractitionerId;
import com.geminihealth.schemas.booking.ServiceId;
import com.geminihealth.schemas.schedule.ScheduleChanged;
import com.geminihealth.schemas.waitlist.WaitlistEntryId;
import com.geminihealth.schemas.waitlist.WaitlistEvent;
import com.geminihealth.schemas.waitlist.WaitlistOfferClosed;
import com.geminihealth.schemas.waitlist.WaitlistOffered;
import com.geminihealth.schemas.waitlist.WaitlistWindow;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever mix of bookings, cancellations, reschedules, waitlist joins, claims (of open,
 * expired, lost and already claimed offers, twice over), time off and the passing of time
 * reaches the decider, no practitioner is ever double-booked, counting the slots held for
 * waitlist offers; a held slot goes to nobody but the patient it is offered to while the
 * offer is open; an offer is confirmed at most once, to its patient, at its slot, and a
 * claim within the hold always wins. Seeded, so a failure replays.
 */
class WaitlistClaimProperties {

	static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);

	/** Friday 20 November, 10:00 in Toronto: the clinic may contact patients. */
	static final Instant FRIDAY_MORNING = Instant.parse("2026-11-20T15:00:00Z");

	static final List<Patient> PATIENTS = List.of(patient("Avery Stone", "avery@example.com"),
			patient("Blake Hart", "blake@example.com"), patient("Casey Lund", "casey@example.com"),
			patient("Dana Wu", "dana@example.com"));

	static final String CLAIMS = "claims";

	static final String WITHIN_THE_HOLD = "within the hold";

	static final String AFTER_THE_HOLD = "after the hold";

	static final String ALREADY_CLAIMED = "already claimed";

	@Property(tries = 25, seed = "20261123")
	void claimsNeverDoubleBookAndHeldSlotsGoOnlyToTheirPatient(@ForAll("steps") List<Step> steps) {
		Ledger ledger = new Ledger();
		try (DeciderDriver decider = new DeciderDriver()) {
			// The driver's wall clock starts at 07:00 in Toronto; both clocks move
			// together.
			Instant now = Instant.parse("2026-11-20T12:00:00Z");
			decider.advanceWallClock(Duration.between(now, FRIDAY_MORNING));
			now = FRIDAY_MORNING;
			decider.at(now);
			for (Step step : steps) {
				List<AppointmentEvent> decided;
				if (step instanceof Wait wait) {
					now = now.plus(wait.time());
					decider.at(now);
					decider.advanceWallClock(wait.time());
					decided = decider.decisions();
				}
				else if (step instanceof TimeOff off) {
					decider.changeSchedule(off.change(now));
					decided = decider.decisions();
				}
				else if (step instanceof Claim claim) {
					WaitlistOffered offered = ledger.pick(claim);
					AppointmentId offer = (offered != null) ? offered.offer() : AppointmentId.random();
					boolean shouldWin = offered != null && ledger.isOpen(offer) && now.isBefore(offered.expiresAt());
					Statistics.label(CLAIMS).collect(ledger.kindOf(offered, shouldWin));
					decided = decider.sendAndReadAll(new ClaimWaitlistOffer(CommandId.random(),
							TestClinicLocation.LOCATION, offer, Author.PATIENT));
					assertThat(decided.stream()
						.anyMatch((event) -> event instanceof AppointmentConfirmed
								&& event.appointmentId().equals(offer)))
						.as("a claim of %s at %s, open %s, expiring %s, wins", offer, now, ledger.isOpen(offer),
								(offered != null) ? offered.expiresAt() : null)
						.isEqualTo(shouldWin);
				}
				else {
					decided = decider.sendAndReadAll(((Command) step).command(ledger.appointmentsAndOffers()));
				}
				// A command's decision comes before the offers it leads to: a
				// cancellation
				// frees the slot before it is offered.
				ledger.decided(decided, now);
				ledger.waitlist(decider.waitlist());
				ledger.assertNoPractitionerBookedTwice();
			}
		}
		// Claims that win, come too late and come again must all occur, or the property
		// proves little.
		Statistics.label(CLAIMS)
			.coverage((coverage) -> List.of(WITHIN_THE_HOLD, AFTER_THE_HOLD, ALREADY_CLAIMED)
				.forEach((kind) -> coverage.check(kind).count((count) -> count > 0)));
	}

	/**
	 * What the decider published so far: the appointments standing, the offers made, and
	 * those still open, whose slots are held.
	 */
	static final class Ledger {

		private final Map<AppointmentId, Appointment> confirmed = new LinkedHashMap<>();

		private final Map<AppointmentId, WaitlistOffered> offers = new LinkedHashMap<>();

		private final Map<AppointmentId, WaitlistOffered> open = new LinkedHashMap<>();

		private final List<AppointmentId> claimed = new ArrayList<>();

		void decided(List<AppointmentEvent> decided, Instant now) {
			for (AppointmentEvent event : decided) {
				if (event instanceof AppointmentConfirmed booked) {
					assertHeldOnlyForTheirPatient(booked.appointment());
					WaitlistOffered offered = this.offers.get(booked.appointmentId());
					if (offered != null) {
						assertClaimOf(offered, booked.appointment(), now);
					}
					this.confirmed.put(booked.appointmentId(), booked.appointment());
				}
				else if (event instanceof AppointmentRescheduled moved) {
					assertHeldOnlyForTheirPatient(moved.appointment());
					assertThat(this.open).as("an open offer is not an appointment to move")
						.doesNotContainKey(moved.appointmentId());
					this.confirmed.put(moved.appointmentId(), moved.appointment());
				}
				else if (event instanceof AppointmentCancelled cancelled) {
					this.confirmed.remove(cancelled.appointmentId());
				}
			}
		}

		void waitlist(List<WaitlistEvent> events) {
			for (WaitlistEvent event : events) {
				if (event instanceof WaitlistOffered offered) {
					this.offers.put(offered.offer(), offered);
					this.open.put(offered.offer(), offered);
				}
				else if (event instanceof WaitlistOfferClosed closed) {
					this.open.remove(closed.offer());
				}
			}
		}

		/**
		 * A confirmation of the time a waitlist offer holds, to anyone but that offer's
		 * own claim, while the offer is open: the hold failed.
		 */
		private void assertHeldOnlyForTheirPatient(Appointment given) {
			for (WaitlistOffered held : this.open.values()) {
				if (!held.offer().equals(given.appointmentId())) {
					assertThat(ScheduleChangeProperties.overlap(given, hold(held)))
						.as("%s at %s for %s, while held for %s until %s", given.practitioner(), given.start(),
								given.patient().email(), held.patient().email(), held.expiresAt())
						.isFalse();
				}
			}
		}

		private void assertClaimOf(WaitlistOffered offered, Appointment given, Instant now) {
			assertThat(this.claimed).as("offer %s claimed twice", offered.offer()).doesNotContain(offered.offer());
			this.claimed.add(offered.offer());
			assertThat(this.open).as("offer %s claimed once closed", offered.offer()).containsKey(offered.offer());
			assertThat(now).as("offer %s claimed after its hold", offered.offer()).isBefore(offered.expiresAt());
			assertThat(given.patient()).as("offer %s confirmed to its patient", offered.offer())
				.isEqualTo(offered.patient());
			assertThat(given.start()).isEqualTo(offered.slot().start());
			assertThat(given.practitioner()).isEqualTo(offered.slot().practitioner());
		}

		/**
		 * Over the standing appointments and the slots held for open offers: an offer
		 * claimed is counted once, as the appointment it became.
		 */
		void assertNoPractitionerBookedTwice() {
			Map<AppointmentId, Appointment> taken = new LinkedHashMap<>();
			this.open.values().forEach((held) -> taken.put(held.offer(), hold(held)));
			taken.putAll(this.confirmed);
			ScheduleChangeProperties.assertNoOverlap(taken.values());
		}

		/** The time an offer holds, as the appointment it would become. */
		private static Appointment hold(WaitlistOffered held) {
			return new Appointment(held.offer(), held.location(), held.service(), held.slot().practitioner(),
					held.slot().practitionerName(), held.slot().start(), held.slot().end(), held.zone(), held.patient(),
					null, 0, null);
		}

		/**
		 * One of the offers seen so far: among the latest few, or among all, whatever
		 * became of them; null before any.
		 */
		WaitlistOffered pick(Claim claim) {
			List<WaitlistOffered> seen = new ArrayList<>(this.offers.values());
			if (seen.isEmpty()) {
				return null;
			}
			List<WaitlistOffered> from = claim.latest() ? seen.subList(Math.max(0, seen.size() - 3), seen.size())
					: seen;
			return from.get(claim.pick() % from.size());
		}

		String kindOf(WaitlistOffered offered, boolean open) {
			if (offered == null) {
				return "before any offer";
			}
			if (this.claimed.contains(offered.offer())) {
				return ALREADY_CLAIMED;
			}
			return open ? WITHIN_THE_HOLD : AFTER_THE_HOLD;
		}

		boolean isOpen(AppointmentId offer) {
			return this.open.containsKey(offer);
		}

		/** Appointments and offers, for cancels and reschedules to aim at. */
		List<AppointmentId> appointmentsAndOffers() {
			List<AppointmentId> known = new ArrayList<>(this.confirmed.keySet());
			known.addAll(this.offers.keySet());
			return known;
		}

	}

	@Provide
	Arbitrary<List<Step>> steps() {
		Arbitrary<LocalDate> days = Arbitraries.integers().between(0, 1).map(MONDAY::plusDays);
		// Every quarter hour from 09:00 to 15:45 of two days, so requests collide often.
		Arbitrary<LocalTime> times = Arbitraries.integers()
			.between(0, 27)
			.map((q) -> LocalTime.of(9, 0).plusMinutes(15L * q));
		Arbitrary<String> practitioners = Arbitraries.of("ana", "ben");
		Arbitrary<String> anyone = Arbitraries.of("ana", "ben", null);
		Arbitrary<String> services = Arbitraries.of("massage-60", "massage-30");
		Arbitrary<Integer> picks = Arbitraries.integers().between(0, 50);
		Arbitrary<Step> book = Combinators.combine(anyone, services, days, times, picks)
			.as((practitioner, service, day, time, patient) -> new Book(practitioner, service, day.atTime(time),
					patient % PATIENTS.size()));
		Arbitrary<Step> cancel = picks.map(Cancel::new);
		Arbitrary<Step> reschedule = Combinators.combine(picks, days, times, anyone)
			.as((pick, day, time, practitioner) -> new Reschedule(pick, day.atTime(time), practitioner));
		Arbitrary<Step> join = Combinators
			.combine(picks, services, anyone, days, Arbitraries.integers().between(0, 1), times,
					Arbitraries.integers().between(0, 12))
			.as((patient, service, practitioner, firstDay, moreDays, earliest,
					quarters) -> new Join(patient % PATIENTS.size(), service, practitioner, new WaitlistWindow(firstDay,
							firstDay.plusDays(moreDays), earliest, earliest.plusMinutes(15L * quarters))));
		Arbitrary<Step> claim = Combinators.combine(picks, Arbitraries.of(true, false)).as(Claim::new);
		// Within and past a hold of 15 minutes; now and then past nightfall.
		Arbitrary<Step> wait = Arbitraries
			.frequencyOf(Tuple.of(8, Arbitraries.integers().between(1, 30 * 60).map(Duration::ofSeconds)),
					Tuple.of(1, Arbitraries.integers().between(1, 12).map(Duration::ofHours)))
			.map(Wait::new);
		Arbitrary<Step> timeOff = Combinators.combine(practitioners, days, times, Arbitraries.integers().between(1, 8))
			.as((practitioner, day, time, quarters) -> new TimeOff(practitioner, day, time,
					time.plusMinutes(15L * quarters)));
		return Arbitraries
			.frequencyOf(Tuple.of(4, book), Tuple.of(2, cancel), Tuple.of(2, reschedule), Tuple.of(3, join),
					Tuple.of(4, claim), Tuple.of(4, wait), Tuple.of(1, timeOff))
			.list()
			.ofMinSize(5)
			.ofMaxSize(60);
	}

	private static Patient patient(String name, String email) {
		return new Patient(name, email, null, Language.EN, new Consent(true, false, false));
	}

	private static AppointmentId pickFrom(List<AppointmentId> known, int pick) {
		return known.isEmpty() ? AppointmentId.random() : known.get(pick % known.size());
	}

	/** One step of a sequence. */
	interface Step {

	}

	/** A command, chosen once the appointments and offers so far are known. */
	interface Command extends Step {

		BookingCommand command(List<AppointmentId> known);

	}

	record Book(String practitioner, String service, LocalDateTime start, int patient) implements Command {

		@Override
		public BookingCommand command(List<AppointmentId> known) {
			return DeciderDriver.book(TestClinicLocation.ID, this.practitioner, this.service, this.start,
					PATIENTS.get(this.patient), null);
		}

	}

	record Cancel(int pick) implements Command {

		@Override
		public BookingCommand command(List<AppointmentId> known) {
			return DeciderDriver.cancel(pickFrom(known, this.pick));
		}

	}

	record Reschedule(int pick, LocalDateTime start, String practitioner) implements Command {

		@Override
		public BookingCommand command(List<AppointmentId> known) {
			return DeciderDriver.reschedule(pickFrom(known, this.pick), this.start, this.practitioner);
		}

	}

	record Join(int patient, String service, String practitioner, WaitlistWindow window) implements Command {

		@Override
		public BookingCommand command(List<AppointmentId> known) {
			return new JoinWaitlist(WaitlistEntryId.random(), TestClinicLocation.LOCATION, new ServiceId(this.service),
					(this.practitioner != null) ? new PractitionerId(this.practitioner) : null, this.window,
					PATIENTS.get(this.patient), Author.PATIENT);
		}

	}

	/** A claim of one of the offers seen so far, among the latest few or among all. */
	record Claim(int pick, boolean latest) implements Step {

	}

	/** Time passes on both clocks: holds run out, sweeps and offers follow. */
	record Wait(Duration time) implements Step {

	}

	/** The front desk enters time off for a practitioner. */
	record TimeOff(String practitioner, LocalDate day, LocalTime from, LocalTime until) implements Step {

		ScheduleChanged change(Instant now) {
			return new ScheduleChanged(new PractitionerId(this.practitioner), this.day, ScheduleChanged.Kind.TIME_OFF,
					null, this.from, this.until, "amira", now);
		}

	}

}
