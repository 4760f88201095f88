package com.geminihealth.intake.decider;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.geminihealth.intake.decider.DeciderDriver.TestClinicLocation;
import com.geminihealth.schemas.appointment.AppointmentConfirmed;
import com.geminihealth.schemas.appointment.AppointmentDeclined;
import com.geminihealth.schemas.appointment.AppointmentEvent;
import com.geminihealth.schemas.appointment.CommandRejected;
import com.geminihealth.schemas.appointment.DeclineReason;
import com.geminihealth.schemas.booking.AppointmentId;
import com.geminihealth.schemas.booking.Author;
import com.geminihealth.schemas.booking.ClaimWaitlistOffer;
import com.geminihealth.schemas.booking.CommandId;
import com.geminihealth.schemas.booking.Consent;
import com.geminihealth.schemas.booking.JoinWaitlist;
import com.geminihealth.schemas.booking.Language;
import com.geminihealth.schemas.booking.Patient;
import com.geminihealth.schemas.booking.PractitionerId;
import com.geminihealth.schemas.booking.ServiceId;
import com.geminihealth.schemas.waitlist.WaitlistEntryId;
import com.geminihealth.schemas.waitlist.WaitlistEvent;
import com.geminihealth.schemas.waitlist.WaitlistJoined;
import com.geminihealth.schemas.waitlist.WaitlistLeft;
import com.geminihealth.schemas.waitlist.WaitlistOfferClosed;
import com.geminihealth.schemas.waitlist.WaitlistOffered;
import com.geminihealth.schemas.waitlist.WaitlistWindow;

import static com.geminihealth.intake.decider.DeciderDriver.book;
import static com.geminihealth.intake.decider.DeciderDriver.cancel;
import static com.geminihealth.intake.decider.DeciderDriver.reschedule;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The waitlist in the real decider topology: a freed slot goes to the first in line who
 * fits it, held for them alone until the offer expires, then to the next; a claim is
 * decided in the location's order like any booking, so one slot never goes to two.
 */
class DeciderWaitlistTest {

	/** Monday 23 November 2026, in Toronto. */
	private static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);

	private static final LocalDateTime TEN = MONDAY.atTime(10, 0);

	/** Friday 20 November, 10:00 in Toronto: the clinic may contact patients. */
	private Instant now = Instant.parse("2026-11-20T15:00:00Z");

	private final DeciderDriver decider = new DeciderDriver();

	DeciderWaitlistTest() {
		// The driver's wall clock starts at 07:00 in Toronto; both clocks move together.
		this.decider.advanceWallClock(Duration.between(Instant.parse("2026-11-20T12:00:00Z"), this.now));
		this.decider.at(this.now);
	}

	@AfterEach
	void close() {
		this.decider.close();
	}

	@Test
	void threePatientsRaceForOneFreedSlotAndOnlyOneGetsIt() {
		AppointmentId taken = confirmed(this.decider.send(book("ana", "massage-60", TEN)));
		JoinWaitlist first = join("Avery Stone", "avery@example.com");
		JoinWaitlist second = join("Blake Hart", "blake@example.com");
		JoinWaitlist third = join("Casey Lund", "casey@example.com");
		for (JoinWaitlist join : List.of(first, second, third)) {
			this.decider.send(join);
		}
		assertThat(this.decider.waitlist()).hasSize(3).allMatch(WaitlistJoined.class::isInstance);

		this.decider.send(cancel(taken));
		WaitlistOffered toFirst = single(this.decider.waitlist(), WaitlistOffered.class);
		assertThat(toFirst.entryId()).isEqualTo(first.entryId());
		assertThat(toFirst.slot().start()).isEqualTo(Instant.parse("2026-11-23T15:00:00Z"));
		assertThat(toFirst.expiresAt()).isEqualTo(this.now.plus(Duration.ofMinutes(15)));
		assertThat(this.decider.status(toFirst.offer()).state()).isEqualTo(RequestStatus.State.OFFERED);
		// Held for the first in line: nobody books it meanwhile.
		assertThat(declined(this.decider.send(book("ana", "massage-60", TEN))).reason())
			.isEqualTo(DeclineReason.SLOT_TAKEN);

		advance(Duration.ofMinutes(15).plusSeconds(1));
		List<WaitlistEvent> afterHold = this.decider.waitlist();
		assertThat(afterHold).hasSize(2);
		assertThat(afterHold.get(0)).isInstanceOfSatisfying(WaitlistOfferClosed.class,
				(closed) -> assertThat(closed.outcome()).isEqualTo(WaitlistOfferClosed.Outcome.EXPIRED));
		WaitlistOffered toSecond = (WaitlistOffered) afterHold.get(1);
		assertThat(toSecond.entryId()).isEqualTo(second.entryId());
		assertThat(toSecond.freedAt()).isEqualTo(toFirst.freedAt());

		// The first claims too late, the second in time, the third books directly.
		assertThat(this.decider.send(claim(toFirst.offer()))).isNull();
		assertThat(single(this.decider.waitlist(), WaitlistOfferClosed.class).outcome())
			.isEqualTo(WaitlistOfferClosed.Outcome.LOST);
		assertThat(this.decider.status(toFirst.offer()).state()).isEqualTo(RequestStatus.State.OFFER_LOST);

		AppointmentEvent won = this.decider.send(claim(toSecond.offer()));
		assertThat(won).isInstanceOfSatisfying(AppointmentConfirmed.class, (confirmed) -> {
			assertThat(confirmed.appointmentId()).isEqualTo(toSecond.offer());
			assertThat(confirmed.appointment().patient().email()).isEqualTo("blake@example.com");
			assertThat(confirmed.appointment().start()).isEqualTo(toSecond.slot().start());
		});
		assertThat(this.decider.waitlist()).satisfiesExactly(
				(event) -> assertThat(((WaitlistOfferClosed) event).outcome())
					.isEqualTo(WaitlistOfferClosed.Outcome.CLAIMED),
				(event) -> assertThat(((WaitlistLeft) event).reason()).isEqualTo(WaitlistLeft.Reason.BOOKED));
		assertThat(declined(this.decider.send(book("ana", "massage-60", TEN))).reason())
			.isEqualTo(DeclineReason.SLOT_TAKEN);

		// A second click changes nothing; the third in line was never offered it.
		assertThat(this.decider.send(claim(toSecond.offer()))).isNull();
		advance(Duration.ofMinutes(20));
		assertThat(this.decider.waitlist()).isEmpty();
		assertThat(this.decider.openSlots("massage-60", "ana", MONDAY))
			.noneMatch((slot) -> slot.start().equals(toSecond.slot().start()));
	}

	@Test
	void offersTheTimeAMoveLeftBehind() {
		AppointmentId moving = confirmed(this.decider.send(book("ana", "massage-60", TEN)));
		JoinWaitlist waiting = join("Avery Stone", "avery@example.com");
		this.decider.send(waiting);
		this.decider.waitlist();

		this.decider.send(reschedule(moving, MONDAY.atTime(14, 0), null));

		WaitlistOffered offered = single(this.decider.waitlist(), WaitlistOffered.class);
		assertThat(offered.entryId()).isEqualTo(waiting.entryId());
		assertThat(offered.slot().start()).isEqualTo(Instant.parse("2026-11-23T15:00:00Z"));
	}

	@Test
	void offersAnOpenTimeInTheWindowAtOnce() {
		JoinWaitlist waiting = join("Avery Stone", "avery@example.com");

		this.decider.send(waiting);

		List<WaitlistEvent> events = this.decider.waitlist();
		assertThat(events).hasSize(2);
		assertThat(((WaitlistOffered) events.get(1)).slot().start()).isEqualTo(Instant.parse("2026-11-23T15:00:00Z"));
	}

	@Test
	void makesNoOfferInQuietHoursAndOffersInTheMorning() {
		AppointmentId taken = confirmed(this.decider.send(book("ana", "massage-60", TEN)));
		this.decider.send(join("Avery Stone", "avery@example.com"));
		this.decider.waitlist();
		// Friday 22:00 in Toronto.
		advance(Duration.ofHours(12));

		this.decider.send(cancel(taken));
		advance(Duration.ofHours(2));
		assertThat(this.decider.waitlist()).isEmpty();

		// Saturday 08:00: the first sweep of the morning offers it.
		advance(Duration.ofHours(8));
		assertThat(single(this.decider.waitlist(), WaitlistOffered.class).slot().start())
			.isEqualTo(Instant.parse("2026-11-23T15:00:00Z"));
	}

	@Test
	void letsGoOfThoseWhoseWindowHasPassed() {
		AppointmentId taken = confirmed(this.decider.send(book("ana", "massage-60", TEN)));
		JoinWaitlist waiting = join("Avery Stone", "avery@example.com");
		this.decider.send(waiting);
		this.decider.waitlist();

		advance(Duration.ofDays(4));

		assertThat(single(this.decider.waitlist(), WaitlistLeft.class).reason())
			.isEqualTo(WaitlistLeft.Reason.WINDOW_PASSED);
		this.decider.send(cancel(taken));
		assertThat(this.decider.waitlist()).isEmpty();
	}

	@Test
	void answersAClaimOfNoOfferAsACommandAboutNoAppointment() {
		assertThat(this.decider.send(claim(AppointmentId.random()))).isInstanceOfSatisfying(CommandRejected.class,
				(rejected) -> assertThat(rejected.reason()).isEqualTo(CommandRejected.Reason.UNKNOWN_APPOINTMENT));
	}

	@Test
	void anErasureTakesThePatientOffTheWaitlist() {
		this.decider.send(book("ana", "massage-60", TEN));
		this.decider.send(join("Avery Stone", "avery@example.com"));

		this.decider.erase("avery@example.com", null);

		assertThat(this.decider.storesContaining("avery@example.com")).isEmpty();
	}

	@Test
	void aLaterErasureFindsThoseWhoJoinedAfterTheFirst() {
		this.decider.send(book("ana", "massage-60", TEN));
		this.decider.send(join("Avery Stone", "avery@example.com"));
		this.decider.erase("avery@example.com", null);

		this.decider.send(join("Blake Hart", "blake@example.com"));
		this.decider.erase("blake@example.com", null);

		assertThat(this.decider.storesContaining("blake@example.com")).isEmpty();
	}

	private void advance(Duration time) {
		this.now = this.now.plus(time);
		this.decider.at(this.now);
		this.decider.advanceWallClock(time);
	}

	private static JoinWaitlist join(String name, String email) {
		return new JoinWaitlist(WaitlistEntryId.random(), TestClinicLocation.LOCATION, new ServiceId("massage-60"),
				new PractitionerId("ana"), new WaitlistWindow(MONDAY, MONDAY, LocalTime.of(10, 0), LocalTime.of(10, 0)),
				new Patient(name, email, null, Language.EN, new Consent(true, false, false)), Author.PATIENT);
	}

	private static ClaimWaitlistOffer claim(AppointmentId offer) {
		return new ClaimWaitlistOffer(CommandId.random(), TestClinicLocation.LOCATION, offer, Author.PATIENT);
	}

	private static AppointmentId confirmed(AppointmentEvent event) {
		assertThat(event).isInstanceOf(AppointmentConfirmed.class);
		return event.appointmentId();
	}

	private static AppointmentDeclined declined(AppointmentEvent event) {
		assertThat(event).isInstanceOf(AppointmentDeclined.class);
		return (AppointmentDeclined) event;
	}

	private static <T> T single(List<WaitlistEvent> events, Class<T> type) {
		assertThat(events).hasSize(1);
		assertThat(events.get(0)).isInstanceOf(type);
		return type.cast(events.get(0));
	}

}
