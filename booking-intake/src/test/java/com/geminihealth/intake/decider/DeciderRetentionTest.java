package com.geminihealth.intake.decider;

import java.time.Duration;
import java.time.LocalDate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.geminihealth.schemas.appointment.AppointmentConfirmed;
import com.geminihealth.schemas.appointment.AppointmentDeclined;
import com.geminihealth.schemas.appointment.AppointmentEvent;
import com.geminihealth.schemas.appointment.AppointmentRescheduled;
import com.geminihealth.schemas.booking.AppointmentId;
import com.geminihealth.schemas.booking.BookAppointment;
import com.geminihealth.schemas.booking.RequestId;

import static com.geminihealth.intake.decider.DeciderDriver.book;
import static com.geminihealth.intake.decider.DeciderDriver.cancel;
import static com.geminihealth.intake.decider.DeciderDriver.complete;
import static com.geminihealth.intake.decider.DeciderDriver.reschedule;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The decider keeps only what it needs: declines for 30 days, appointments and command
 * ids for 90 days after they ended, by the wall clock (the defaults).
 */
class DeciderRetentionTest {

	/** Commands are sent on 2026-11-20; the appointments are on this Monday. */
	static final LocalDate MONDAY = DeciderTest.MONDAY;

	final DeciderDriver decider = new DeciderDriver();

	@AfterEach
	void close() {
		this.decider.close();
	}

	@Test
	void forgetsADeclinedRequestThirtyDaysAfterItsDecision() {
		BookAppointment first = book("ana", "massage-60", MONDAY.atTime(10, 0));
		BookAppointment second = book("ana", "massage-60", MONDAY.atTime(10, 0));
		assertThat(this.decider.send(first)).isInstanceOf(AppointmentConfirmed.class);
		assertThat(this.decider.send(second)).isInstanceOf(AppointmentDeclined.class);

		this.decider.advanceWallClock(Duration.ofDays(29));
		assertThat(this.decider.status(second.requestId()).state()).isEqualTo(RequestStatus.State.DECLINED);

		this.decider.advanceWallClock(Duration.ofDays(2));
		assertThat(this.decider.status(second.requestId())).isNull();
		assertThat(this.decider.status(first.requestId()).state()).isEqualTo(RequestStatus.State.CONFIRMED);
	}

	@Test
	void prunesAppointmentsTheirCalendarEntriesAndCommandIdsNinetyDaysAfterTheyEnded() {
		RequestId completed = booked(book("ana", "massage-60", MONDAY.atTime(10, 0)));
		RequestId cancelled = booked(book("ben", "massage-60", MONDAY.atTime(10, 0)));
		this.decider.send(cancel(AppointmentId.forRequest(cancelled)));
		this.decider.at(MONDAY.atTime(20, 0).atZone(java.time.ZoneId.of("America/Toronto")).toInstant())
			.send(complete(AppointmentId.forRequest(completed)));
		assertThat(this.decider.entries(DeciderStores.CALENDAR)).isEqualTo(1);
		assertThat(this.decider.entries(DeciderStores.HANDLED)).isEqualTo(2);

		// From 2026-11-20 to 2027-02-20: 92 days, 89 after Monday's appointments ended.
		this.decider.advanceWallClock(Duration.ofDays(92));
		assertThat(this.decider.status(completed).state()).isEqualTo(RequestStatus.State.COMPLETED);
		assertThat(this.decider.status(cancelled).state()).isEqualTo(RequestStatus.State.CANCELLED);

		this.decider.advanceWallClock(Duration.ofDays(2));
		assertThat(this.decider.status(completed)).isNull();
		assertThat(this.decider.status(cancelled)).isNull();
		for (String store : DeciderStores.NAMES) {
			assertThat(this.decider.entries(store)).as(store).isZero();
		}
	}

	@Test
	void keepsAMovedAppointmentUntilNinetyDaysAfterItsNewEnd() {
		RequestId request = booked(book("ana", "massage-60", MONDAY.atTime(10, 0)));
		LocalDate later = MONDAY.plusWeeks(6);
		AppointmentEvent moved = this.decider
			.send(reschedule(AppointmentId.forRequest(request), later.atTime(10, 0), null));
		assertThat(moved).isInstanceOf(AppointmentRescheduled.class);

		this.decider.advanceWallClock(Duration.ofDays(95));
		assertThat(this.decider.status(request).state()).isEqualTo(RequestStatus.State.CONFIRMED);
		assertThat(this.decider.entries(DeciderStores.CALENDAR)).isEqualTo(1);

		this.decider.advanceWallClock(Duration.ofDays(42));
		assertThat(this.decider.status(request)).isNull();
		assertThat(this.decider.entries(DeciderStores.CALENDAR)).isZero();
	}

	@Test
	void decidesFromACalendarWithoutThePrunedAppointments() {
		this.decider.send(book("ana", "massage-60", MONDAY.atTime(10, 0)));
		this.decider.advanceWallClock(Duration.ofDays(100));

		// The same practitioner and time, a year later: nothing of the old one stands in
		// the way, in the store or in the copy the decider reads.
		LocalDate nextYear = MONDAY.plusDays(98);
		assertThat(this.decider.at(java.time.Instant.parse("2027-02-28T12:00:00Z"))
			.send(book("ana", "massage-60", nextYear.atTime(10, 0)))).isInstanceOf(AppointmentConfirmed.class);
		assertThat(this.decider.entries(DeciderStores.CALENDAR)).isEqualTo(1);
	}

	private RequestId booked(BookAppointment book) {
		assertThat(this.decider.send(book)).isInstanceOf(AppointmentConfirmed.class);
		return book.requestId();
	}

}
