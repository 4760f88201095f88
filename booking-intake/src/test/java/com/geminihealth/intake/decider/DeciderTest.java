package com.geminihealth.intake.decider;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;

import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

import com.geminihealth.intake.clinic.TestClinic;
import com.geminihealth.schemas.CloudEvents;
import com.geminihealth.schemas.DeadLetters;
import com.geminihealth.schemas.Json;
import com.geminihealth.schemas.appointment.Appointment;
import com.geminihealth.schemas.appointment.AppointmentCancelled;
import com.geminihealth.schemas.appointment.AppointmentCompleted;
import com.geminihealth.schemas.appointment.AppointmentConfirmed;
import com.geminihealth.schemas.appointment.AppointmentDeclined;
import com.geminihealth.schemas.appointment.AppointmentEvent;
import com.geminihealth.schemas.appointment.AppointmentNoShow;
import com.geminihealth.schemas.appointment.AppointmentRescheduled;
import com.geminihealth.schemas.appointment.CommandRejected;
import com.geminihealth.schemas.appointment.DeclineReason;
import com.geminihealth.schemas.appointment.RescheduleDeclined;
import com.geminihealth.schemas.appointment.Slot;
import com.geminihealth.schemas.booking.AppointmentId;
import com.geminihealth.schemas.booking.Author;
import com.geminihealth.schemas.booking.BookAppointment;
import com.geminihealth.schemas.booking.CancelAppointment;
import com.geminihealth.schemas.booking.CommandId;
import com.geminihealth.schemas.booking.RequestId;

import static com.geminihealth.intake.decider.DeciderDriver.book;
import static com.geminihealth.intake.decider.DeciderDriver.cancel;
import static com.geminihealth.intake.decider.DeciderDriver.complete;
import static com.geminihealth.intake.decider.DeciderDriver.json;
import static com.geminihealth.intake.decider.DeciderDriver.noShow;
import static com.geminihealth.intake.decider.DeciderDriver.reschedule;
import static org.assertj.core.api.Assertions.assertThat;

class DeciderTest {

	static final String BOOK = "com.geminihealth.booking.BookAppointment.v1";

	/** A Monday, when Ana and Ben both work 09:00-17:00. */
	static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);

	final DeciderDriver decider = new DeciderDriver();

	@AfterEach
	void close() {
		this.decider.close();
	}

	@Test
	void confirmsAFreeSlotForTheWholeDuration() {
		Appointment appointment = confirmed(this.decider.send(book("ana", "massage-60", at(10, 0))));

		assertThat(appointment.practitioner().value()).isEqualTo("ana");
		assertThat(appointment.practitionerName()).isEqualTo("Ana Silva");
		assertThat(appointment.start()).isEqualTo(Instant.parse("2026-11-23T15:00:00Z"));
		assertThat(appointment.end()).isEqualTo(Instant.parse("2026-11-23T16:00:00Z"));
		assertThat(appointment.sequence()).isZero();
	}

	@Test
	void declinesSecondBookingForTheSameSlotOfferingTheThreeNearest() {
		this.decider.send(book("ana", "massage-60", at(10, 0)));

		AppointmentDeclined declined = declined(this.decider.send(book("ana", "massage-60", at(10, 0))));

		assertThat(declined.reason()).isEqualTo(DeclineReason.SLOT_TAKEN);
		// 10:00-11:00 plus a 15 minute buffer; nothing fits before 10:00 once the buffer
		// counts.
		assertThat(declined.alternatives()).extracting(Slot::start)
			.containsExactly(local(11, 15), local(11, 30), local(11, 45));
		assertThat(declined.alternatives())
			.allSatisfy((slot) -> assertThat(slot.practitioner().value()).isEqualTo("ana"));
	}

	@Test
	void countsTheBufferAfterAnAppointmentAsTaken() {
		this.decider.send(book("ana", "massage-60", at(10, 0)));

		assertThat(declined(this.decider.send(book("ana", "massage-60", at(11, 0)))).reason())
			.isEqualTo(DeclineReason.SLOT_TAKEN);
		assertThat(confirmed(this.decider.send(book("ana", "massage-60", at(11, 15)))).start())
			.isEqualTo(local(11, 15));
	}

	@Test
	void countsTheNewAppointmentsOwnBufferBeforeTheNextOne() {
		this.decider.send(book("ana", "massage-60", at(10, 0)));

		// 09:30-10:00 plus 10 minutes of buffer runs into 10:00.
		assertThat(declined(this.decider.send(book("ana", "massage-30", at(9, 30)))).reason())
			.isEqualTo(DeclineReason.SLOT_TAKEN);
		assertThat(confirmed(this.decider.send(book("ana", "massage-30", at(9, 15)))).end()).isEqualTo(local(9, 45));
	}

	@Test
	void givesAnyPractitionerRequestsToTheFirstQualifiedWhoIsFree() {
		assertThat(confirmed(this.decider.send(book(null, "massage-60", at(14, 0)))).practitioner().value())
			.isEqualTo("ana");
		assertThat(confirmed(this.decider.send(book(null, "massage-60", at(14, 0)))).practitioner().value())
			.isEqualTo("ben");
		assertThat(declined(this.decider.send(book(null, "massage-60", at(14, 0)))).reason())
			.isEqualTo(DeclineReason.SLOT_TAKEN);
	}

	@Test
	void confirmsAnAppointmentEndingExactlyAtClosing() {
		assertThat(confirmed(this.decider.send(book("ana", "massage-60", at(16, 0)))).end()).isEqualTo(local(17, 0));
	}

	@Test
	void declinesAnAppointmentThatWouldRunPastClosing() {
		AppointmentDeclined declined = declined(this.decider.send(book("ana", "massage-60", at(16, 15))));

		assertThat(declined.reason()).isEqualTo(DeclineReason.OUTSIDE_HOURS);
		assertThat(declined.alternatives()).extracting(Slot::start).first().isEqualTo(local(16, 0));
	}

	@Test
	void declinesOutsideWorkingHoursAndOnDaysOff() {
		assertThat(declined(this.decider.send(book("ana", "massage-60", at(8, 0)))).reason())
			.isEqualTo(DeclineReason.OUTSIDE_HOURS);
		assertThat(declined(this.decider.send(book("ben", "massage-60", LocalDate.of(2026, 11, 28).atTime(10, 0))))
			.reason()).isEqualTo(DeclineReason.OUTSIDE_HOURS);
		assertThat(declined(this.decider.send(book("ana", "massage-60", LocalDate.of(2026, 12, 25).atTime(10, 0))))
			.reason()).isEqualTo(DeclineReason.OUTSIDE_HOURS);
	}

	@Test
	void offersTheNearestSlotsOnNeighbouringDaysWhenThePractitionerIsOff() {
		LocalDate christmas = LocalDate.of(2026, 12, 25);

		AppointmentDeclined afternoon = declined(this.decider.send(book("ana", "massage-60", christmas.atTime(16, 0))));
		AppointmentDeclined morning = declined(this.decider.send(book("ana", "massage-60", christmas.atTime(10, 0))));

		assertThat(afternoon.alternatives()).extracting(Slot::start)
			.containsExactly(toronto(christmas.plusDays(1).atTime(9, 0)), toronto(christmas.plusDays(1).atTime(9, 15)),
					toronto(christmas.plusDays(1).atTime(9, 30)));
		assertThat(morning.alternatives()).extracting(Slot::start)
			.containsExactly(toronto(christmas.minusDays(1).atTime(16, 0)),
					toronto(christmas.minusDays(1).atTime(15, 45)), toronto(christmas.minusDays(1).atTime(15, 30)));
	}

	@Test
	void declinesTooSoonAndTooFarAhead() {
		this.decider.at(Instant.parse("2026-11-23T14:30:00Z"));

		assertThat(declined(this.decider.send(book("ana", "massage-60", at(10, 0)))).reason())
			.isEqualTo(DeclineReason.TOO_SOON);
		assertThat(declined(this.decider.send(book("ana", "massage-60", MONDAY.plusDays(120).atTime(10, 0)))).reason())
			.isEqualTo(DeclineReason.TOO_FAR_AHEAD);
	}

	@Test
	void declinesUnknownServicesAndPractitionersWithoutAlternatives() {
		AppointmentDeclined unknownService = declined(this.decider.send(book("ana", "reiki", at(10, 0))));
		AppointmentDeclined unknownPractitioner = declined(this.decider.send(book("zed", "massage-60", at(10, 0))));
		AppointmentDeclined unqualified = declined(this.decider.send(book("cy", "massage-60", at(10, 0))));
		AppointmentDeclined unknownLocation = declined(
				this.decider.send(book("atlantis", "ana", "massage-60", at(10, 0))));

		assertThat(unknownService.reason()).isEqualTo(DeclineReason.UNKNOWN_SERVICE);
		assertThat(unknownPractitioner.reason()).isEqualTo(DeclineReason.UNKNOWN_PRACTITIONER);
		assertThat(unqualified.reason()).isEqualTo(DeclineReason.UNKNOWN_PRACTITIONER);
		assertThat(unknownLocation.reason()).isEqualTo(DeclineReason.UNKNOWN_LOCATION);
		assertThat(unknownService.alternatives()).isEmpty();
	}

	@Test
	void cancellingFreesTheSlot() {
		AppointmentId first = confirmed(this.decider.send(book("ana", "massage-60", at(10, 0)))).appointmentId();

		assertThat(this.decider.send(cancel(first))).isInstanceOf(AppointmentCancelled.class);
		assertThat(confirmed(this.decider.send(book("ana", "massage-60", at(10, 0)))).start()).isEqualTo(local(10, 0));
	}

	@Test
	void marksACancellationInsideTheNoticeLateAndNamesItsAuthor() {
		AppointmentId early = confirmed(this.decider.send(book("ana", "massage-60", at(10, 0)))).appointmentId();
		AppointmentId late = confirmed(this.decider.send(book("ana", "massage-60", at(12, 0)))).appointmentId();

		AppointmentCancelled inGoodTime = (AppointmentCancelled) this.decider.send(new CancelAppointment(
				CommandId.random(), DeciderDriver.TestClinicLocation.LOCATION, early, null, Author.PATIENT));
		this.decider.at(local(12, 0).minus(Duration.ofHours(23)));
		AppointmentCancelled tooLate = (AppointmentCancelled) this.decider.send(new CancelAppointment(
				CommandId.random(), DeciderDriver.TestClinicLocation.LOCATION, late, null, Author.frontDesk("amira")));

		assertThat(inGoodTime.late()).isFalse();
		assertThat(inGoodTime.author()).isEqualTo(Author.PATIENT);
		assertThat(tooLate.late()).isTrue();
		assertThat(tooLate.author()).isEqualTo(Author.frontDesk("amira"));
	}

	@Test
	void rejectsCommandsForUnknownOrCancelledAppointments() {
		AppointmentId appointment = confirmed(this.decider.send(book("ana", "massage-60", at(10, 0)))).appointmentId();
		this.decider.send(cancel(appointment));

		assertThat(rejected(this.decider.send(cancel(appointment))).reason())
			.isEqualTo(CommandRejected.Reason.ALREADY_CANCELLED);
		assertThat(rejected(this.decider.send(reschedule(appointment, at(12, 0), null))).reason())
			.isEqualTo(CommandRejected.Reason.ALREADY_CANCELLED);
		assertThat(rejected(this.decider.send(complete(AppointmentId.random()))).reason())
			.isEqualTo(CommandRejected.Reason.UNKNOWN_APPOINTMENT);
	}

	@Test
	void reschedulingConfirmsTheNewSlotThenFreesTheOld() {
		AppointmentId appointment = confirmed(this.decider.send(book("ana", "massage-60", at(10, 0)))).appointmentId();

		AppointmentRescheduled moved = (AppointmentRescheduled) this.decider
			.send(reschedule(appointment, at(14, 0), null));

		assertThat(moved.appointment().start()).isEqualTo(local(14, 0));
		assertThat(moved.appointment().sequence()).isEqualTo(1);
		assertThat(moved.previousStart()).isEqualTo(local(10, 0));
		assertThat(confirmed(this.decider.send(book("ana", "massage-60", at(10, 0)))).start()).isEqualTo(local(10, 0));
		assertThat(declined(this.decider.send(book("ana", "massage-60", at(14, 0)))).reason())
			.isEqualTo(DeclineReason.SLOT_TAKEN);
	}

	@Test
	void reschedulingIntoATakenSlotKeepsTheOldOneAndOffersAlternatives() {
		AppointmentId appointment = confirmed(this.decider.send(book("ana", "massage-60", at(10, 0)))).appointmentId();
		this.decider.send(book("ana", "massage-60", at(14, 0)));

		RescheduleDeclined declined = (RescheduleDeclined) this.decider.send(reschedule(appointment, at(14, 0), null));

		assertThat(declined.reason()).isEqualTo(DeclineReason.SLOT_TAKEN);
		assertThat(declined.appointment().start()).isEqualTo(local(10, 0));
		assertThat(declined.alternatives()).hasSize(3);
		assertThat(declined(this.decider.send(book("ana", "massage-60", at(10, 0)))).reason())
			.isEqualTo(DeclineReason.SLOT_TAKEN);
	}

	@Test
	void reschedulingIntoATakenSlotOffersTheAppointmentsOwnTimeAmongTheAlternatives() {
		AppointmentId appointment = confirmed(this.decider.send(book("ana", "massage-60", at(10, 0)))).appointmentId();
		this.decider.send(book("ana", "massage-60", at(11, 15)));

		RescheduleDeclined declined = (RescheduleDeclined) this.decider.send(reschedule(appointment, at(11, 15), null));

		// Its own 10:00 is as near as 12:30, after the other appointment and its buffer.
		assertThat(declined.alternatives()).extracting(Slot::start).startsWith(local(10, 0), local(12, 30));
	}

	@Test
	void reschedulingByAQuarterHourMayOverlapTheAppointmentsOwnOldTime() {
		AppointmentId appointment = confirmed(this.decider.send(book("ana", "massage-60", at(10, 0)))).appointmentId();

		assertThat(this.decider.send(reschedule(appointment, at(10, 15), null)))
			.isInstanceOf(AppointmentRescheduled.class);
	}

	@Test
	void reschedulingToAnotherPractitionerFreesTheFirst() {
		AppointmentId appointment = confirmed(this.decider.send(book("ana", "massage-60", at(10, 0)))).appointmentId();

		AppointmentRescheduled moved = (AppointmentRescheduled) this.decider
			.send(reschedule(appointment, at(10, 0), "ben"));

		assertThat(moved.appointment().practitioner().value()).isEqualTo("ben");
		assertThat(moved.previousPractitioner().value()).isEqualTo("ana");
		assertThat(confirmed(this.decider.send(book("ana", "massage-60", at(10, 0)))).start()).isEqualTo(local(10, 0));
	}

	@Test
	void marksCompletedAndNoShowOnceOnly() {
		AppointmentId first = confirmed(this.decider.send(book("ana", "massage-60", at(10, 0)))).appointmentId();
		AppointmentId second = confirmed(this.decider.send(book("ana", "massage-60", at(13, 0)))).appointmentId();

		assertThat(((AppointmentCompleted) this.decider.send(complete(first))).homeCareNotes())
			.isEqualTo("Stretch daily");
		assertThat(this.decider.send(noShow(second))).isInstanceOf(AppointmentNoShow.class);
		assertThat(rejected(this.decider.send(cancel(first))).reason())
			.isEqualTo(CommandRejected.Reason.ALREADY_COMPLETED);
		assertThat(rejected(this.decider.send(complete(second))).reason())
			.isEqualTo(CommandRejected.Reason.ALREADY_NO_SHOW);
	}

	@Test
	void appliesTheSameCommandOnce() {
		BookAppointment booking = book("ana", "massage-60", at(10, 0));
		confirmed(this.decider.send(booking));

		assertThat(this.decider.send(booking)).isNull();
	}

	@Test
	void placesAppointmentsOnTheSpringForwardDayAtTheRightInstant() {
		this.decider.at(Instant.parse("2026-03-01T12:00:00Z"));

		Appointment saturday = confirmed(
				this.decider.send(book("ana", "massage-60", LocalDate.of(2026, 3, 7).atTime(9, 0))));
		Appointment sunday = confirmed(
				this.decider.send(book("ana", "massage-60", LocalDate.of(2026, 3, 8).atTime(9, 0))));
		Appointment lastOfSunday = confirmed(
				this.decider.send(book("ana", "massage-60", LocalDate.of(2026, 3, 8).atTime(16, 0))));

		assertThat(saturday.start()).isEqualTo(Instant.parse("2026-03-07T14:00:00Z"));
		assertThat(sunday.start()).isEqualTo(Instant.parse("2026-03-08T13:00:00Z"));
		assertThat(lastOfSunday.end()).isEqualTo(Instant.parse("2026-03-08T21:00:00Z"));
	}

	@Test
	void placesAppointmentsOnTheFallBackDayAtTheRightInstant() {
		this.decider.at(Instant.parse("2026-10-25T12:00:00Z"));

		Appointment sunday = confirmed(
				this.decider.send(book("ana", "massage-60", LocalDate.of(2026, 11, 1).atTime(9, 0))));
		AppointmentDeclined taken = declined(
				this.decider.send(book("ana", "massage-60", LocalDate.of(2026, 11, 1).atTime(9, 0))));

		assertThat(sunday.start()).isEqualTo(Instant.parse("2026-11-01T14:00:00Z"));
		assertThat(taken.alternatives()).extracting(Slot::start)
			.containsExactly(Instant.parse("2026-11-01T15:15:00Z"), Instant.parse("2026-11-01T15:30:00Z"),
					Instant.parse("2026-11-01T15:45:00Z"));
	}

	@Test
	void recordsEachRequestsStatusForTheStatusUrl() {
		BookAppointment confirmedBooking = book("ana", "massage-60", at(10, 0));
		BookAppointment declinedBooking = book("ana", "massage-60", at(10, 0));
		this.decider.send(confirmedBooking);
		this.decider.send(declinedBooking);

		RequestStatus confirmed = this.decider.status(confirmedBooking.requestId());
		RequestStatus declined = this.decider.status(declinedBooking.requestId());

		assertThat(confirmed.state()).isEqualTo(RequestStatus.State.CONFIRMED);
		assertThat(confirmed.appointment().start()).isEqualTo(local(10, 0));
		assertThat(declined.state()).isEqualTo(RequestStatus.State.DECLINED);
		assertThat(declined.alternatives()).hasSize(3);
	}

	@Test
	void answersABookingRequestThatBreaksTheContractSoItsStatusIsNotPendingForEver() {
		BookAppointment booking = book("ana", "massage-60", at(10, 0));
		String invalid = json(booking).replace(DeciderDriver.PATIENT.email(), "ina@clinic");

		CommandRejected rejected = rejected(this.decider.publish(booking.location().value(), BOOK, invalid));

		assertThat(rejected.appointmentId()).isEqualTo(AppointmentId.forRequest(booking.requestId()));
		assertThat(rejected.commandId()).isNull();
		assertThat(rejected.command()).isEqualTo("BookAppointment");
		assertThat(rejected.reason()).isEqualTo(CommandRejected.Reason.INVALID_COMMAND);
		assertThat(rejected.detail()).isEqualTo("$.patient.email: must be a valid email address");
		assertThat(this.decider.deadLetters()).singleElement()
			.satisfies((dead) -> assertThat(reason(dead)).contains("$.patient.email"));
		RequestStatus status = this.decider.status(booking.requestId());
		assertThat(status.state()).isEqualTo(RequestStatus.State.REJECTED);
		assertThat(status.detail()).isEqualTo(rejected.detail());
	}

	@Test
	void decidesARejectedRequestSentAgainCorrectedUnderTheSameId() {
		BookAppointment booking = book("ana", "massage-60", at(10, 0));
		this.decider.publish(booking.location().value(), BOOK,
				json(booking).replace(DeciderDriver.PATIENT.email(), "ina@clinic"));

		confirmed(this.decider.send(booking));

		assertThat(this.decider.status(booking.requestId()).state()).isEqualTo(RequestStatus.State.CONFIRMED);
	}

	@Test
	void answersARequestKeyedByAnotherLocation() {
		BookAppointment booking = book("ana", "massage-60", at(10, 0));

		CommandRejected rejected = rejected(this.decider.publish("somewhere-else", BOOK, json(booking)));

		assertThat(rejected.appointmentId()).isEqualTo(AppointmentId.forRequest(booking.requestId()));
		assertThat(rejected.detail()).contains("the record key must be the command's location");
		assertThat(this.decider.deadLetters()).hasSize(1);
		assertThat(this.decider.status(booking.requestId()).state()).isEqualTo(RequestStatus.State.REJECTED);
	}

	@Test
	void answersABrokenCommandAboutAnAppointmentByItsIdAndLeavesTheAppointmentAsItWas() {
		AppointmentId appointment = confirmed(this.decider.send(book("ana", "massage-60", at(10, 0)))).appointmentId();
		CancelAppointment cancel = cancel(appointment);
		ObjectNode broken = (ObjectNode) Json.MAPPER.readTree(json(cancel));
		broken.put("reason", 12);

		CommandRejected rejected = rejected(this.decider.publish(cancel.location().value(),
				"com.geminihealth.booking.CancelAppointment.v1", broken.toString()));

		assertThat(rejected.appointmentId()).isEqualTo(appointment);
		assertThat(rejected.commandId()).isEqualTo(cancel.commandId());
		assertThat(rejected.command()).isEqualTo("CancelAppointment");
		assertThat(rejected.detail()).contains("$.reason: must be a string");
		assertThat(this.decider.status(new RequestId(appointment.uuid())).state())
			.isEqualTo(RequestStatus.State.CONFIRMED);
		assertThat(this.decider.send(cancel)).isInstanceOf(AppointmentCancelled.class);
	}

	/** With no sender to name, only the dead letter can tell. */
	@Test
	void deadLettersOnlyARecordThatNamesNoSender() {
		BookAppointment booking = book("ana", "massage-60", at(10, 0));
		String location = booking.location().value();

		assertThat(this.decider.publish(location, BOOK,
				"{\"requestId\": \"" + booking.requestId() + "\", \"patient\": Marie-Claire Tremblay}"))
			.isNull();
		assertThat(
				this.decider.publish(location, BOOK, json(booking).replace(booking.requestId().value(), "1-1-1-1-1")))
			.isNull();
		assertThat(this.decider.publish(location, "com.geminihealth.booking.BookEverything.v1", json(booking)))
			.isNull();

		assertThat(this.decider.deadLetters()).hasSize(3);
		assertThat(this.decider.status(booking.requestId())).isNull();
	}

	/**
	 * Generated names (KSTREAM-PROCESSOR-0000000007) change when the topology does, and
	 * the names of its changelog and repartition topics with them.
	 */
	@Test
	void namesEveryNodeOfTheTopology() {
		StreamsBuilder builder = new StreamsBuilder();
		DeciderTopology.build(builder, TestClinic.clinic(), DeciderProperties.defaults(), 1);

		String described = builder.build().describe().toString();

		assertThat(described).contains("reject-broken-command", "decisions", "booking-commands-dead-letters")
			.doesNotContainPattern("KSTREAM-|KTABLE-");
	}

	private static Instant toronto(LocalDateTime local) {
		return local.atZone(ZoneId.of("America/Toronto")).toInstant();
	}

	private static LocalDateTime at(int hour, int minute) {
		return MONDAY.atTime(hour, minute);
	}

	private static Instant local(int hour, int minute) {
		return MONDAY.atTime(LocalTime.of(hour, minute)).atZone(TestClinic.TORONTO).toInstant();
	}

	private static Appointment confirmed(AppointmentEvent event) {
		assertThat(event).isInstanceOf(AppointmentConfirmed.class);
		return ((AppointmentConfirmed) event).appointment();
	}

	private static AppointmentDeclined declined(AppointmentEvent event) {
		assertThat(event).isInstanceOf(AppointmentDeclined.class);
		return (AppointmentDeclined) event;
	}

	private static String reason(TestRecord<byte[], byte[]> deadLetter) {
		return CloudEvents.header(deadLetter.headers(), DeadLetters.REASON);
	}

	private static CommandRejected rejected(AppointmentEvent event) {
		assertThat(event).isInstanceOf(CommandRejected.class);
		return (CommandRejected) event;
	}

}
