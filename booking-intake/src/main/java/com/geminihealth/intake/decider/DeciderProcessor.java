package com.geminihealth.intake.decider;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;

import org.apache.kafka.streams.processor.Cancellable;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueStore;

import com.geminihealth.platform.clinic.ClinicProperties;
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
import com.geminihealth.schemas.booking.BookAppointment;
import com.geminihealth.schemas.booking.BookingCommand;
import com.geminihealth.schemas.booking.CancelAppointment;
import com.geminihealth.schemas.booking.ClaimWaitlistOffer;
import com.geminihealth.schemas.booking.CommandId;
import com.geminihealth.schemas.booking.JoinWaitlist;
import com.geminihealth.schemas.booking.LocationId;
import com.geminihealth.schemas.booking.MarkCompleted;
import com.geminihealth.schemas.booking.MarkNoShow;
import com.geminihealth.schemas.booking.PractitionerId;
import com.geminihealth.schemas.booking.RescheduleAppointment;

/**
 * Decides every command about one location's calendar, in order, so no two patients get
 * the same practitioner at the same time without any lock. The time a cancellation or a
 * move frees goes to the location's waitlist ({@link WaitlistOffers}), whose claims are
 * decided here too. Its outcomes are appointment events and waitlist events. "Now" is the
 * command's record timestamp: when it was asked. Each command is applied once: a booking
 * request is known by its recorded status, any other command by its id.
 */
class DeciderProcessor implements Processor<LocationId, BookingCommand, Object, Object> {

	private final ClinicProperties clinic;

	private final DeciderProperties.Retention retention;

	private final DeciderProperties.Waitlist waitlist;

	private ProcessorContext<Object, Object> context;

	private Requests requests;

	private Expiries expiries;

	private CachedCalendar calendar;

	private KeyValueStore<String, Long> handled;

	private Availability availability;

	private WaitlistOffers offers;

	private Cancellable checking;

	private Cancellable sweeping;

	DeciderProcessor(ClinicProperties clinic, DeciderProperties decider) {
		this.clinic = clinic;
		this.retention = decider.retention();
		this.waitlist = decider.waitlist();
	}

	@Override
	public void init(ProcessorContext<Object, Object> context) {
		this.context = context;
		this.requests = Requests.of(context, this.retention);
		this.expiries = new Expiries(context.getStateStore(DeciderStores.EXPIRY));
		this.calendar = new CachedCalendar(context.getStateStore(DeciderStores.CALENDAR),
				DeciderStores.longestOccupancy(this.clinic));
		this.handled = context.getStateStore(DeciderStores.HANDLED);
		// The global store of schedule changes, read at each decision: a change the front
		// desk entered applies to the next command.
		this.availability = new Availability(this.clinic, this.calendar,
				ScheduleChanges.over(context.getStateStore(DeciderStores.SCHEDULE)));
		// Here, not in a processor of its own: the calendar's copy in memory must change
		// with its store.
		Pruning pruning = new Pruning(this.requests, this.calendar, this.handled, this.expiries, this.retention);
		context.schedule(this.retention.pruneEvery(), PunctuationType.WALL_CLOCK_TIME, pruning::prune);
		this.offers = new WaitlistOffers(this.clinic, this.waitlist,
				new Waitlists(context.getStateStore(DeciderStores.WAITLIST)), this.requests, this.calendar,
				this.availability);
		scheduleWaitlist();
	}

	/**
	 * Runs the waitlist's punctuators only while they have something to do: every
	 * punctuation makes the task commit, a transaction of its own when nothing else
	 * happened.
	 */
	private void scheduleWaitlist() {
		this.checking = keep(this.checking, this.offers.anyOpen(), this.waitlist.checkEvery(), this.offers::expire);
		this.sweeping = keep(this.sweeping, this.offers.anyoneWaiting(), this.waitlist.sweepEvery(),
				this.offers::sweep);
	}

	private Cancellable keep(Cancellable running, boolean needed, Duration every,
			BiConsumer<Instant, WaitlistOffers.Outcomes> work) {
		if (needed && running == null) {
			return this.context.schedule(every, PunctuationType.WALL_CLOCK_TIME, (millis) -> {
				work.accept(Instant.ofEpochMilli(millis), outcomesAt(millis));
				scheduleWaitlist();
			});
		}
		if (!needed && running != null) {
			running.cancel();
			return null;
		}
		return running;
	}

	/** Forwards each outcome stamped {@code timestamp}, to the topic its type goes to. */
	private WaitlistOffers.Outcomes outcomesAt(long timestamp) {
		return (key, event) -> this.context.forward(new Record<>(key, event, timestamp));
	}

	@Override
	public void process(Record<LocationId, BookingCommand> record) {
		BookingCommand command = record.value();
		if (alreadyApplied(command, record.timestamp())) {
			return;
		}
		Instant now = Instant.ofEpochMilli(record.timestamp());
		WaitlistOffers.Outcomes outcomes = outcomesAt(record.timestamp());
		if (command instanceof JoinWaitlist join) {
			long arrival = this.context.recordMetadata().map(RecordMetadata::offset).orElse(record.timestamp());
			this.offers.join(join, arrival, now, outcomes);
			scheduleWaitlist();
			return;
		}
		if (command instanceof ClaimWaitlistOffer claim) {
			if (!this.offers.claim(claim.offer(), now, outcomes)) {
				outcomes.emit(claim.offer(), rejection(claim.commandId(), claim.offer(), "ClaimWaitlistOffer", null));
			}
			scheduleWaitlist();
			return;
		}
		AppointmentEvent outcome;
		if (command instanceof BookAppointment book) {
			outcome = book(book, now);
		}
		else if (command instanceof RescheduleAppointment reschedule) {
			outcome = reschedule(reschedule, now);
		}
		else if (command instanceof CancelAppointment cancel) {
			outcome = change(cancel.commandId(), cancel.appointmentId(), "CancelAppointment", now, (booking) -> {
				release(booking);
				return new AppointmentCancelled(cancel.commandId(), booking.appointment(), cancel.reason(),
						late(booking.appointment(), now), cancel.author());
			}, RequestStatus.State.CANCELLED);
		}
		else if (command instanceof MarkCompleted completed) {
			outcome = change(completed.commandId(), completed.appointmentId(), "MarkCompleted", now,
					(booking) -> new AppointmentCompleted(completed.commandId(), booking.appointment(),
							completed.homeCareNotes(), completed.author()),
					RequestStatus.State.COMPLETED);
		}
		else {
			MarkNoShow noShow = (MarkNoShow) command;
			outcome = change(noShow.commandId(), noShow.appointmentId(), "MarkNoShow", now,
					(booking) -> new AppointmentNoShow(noShow.commandId(), booking.appointment(), noShow.author()),
					RequestStatus.State.NO_SHOW);
		}
		outcomes.emit(outcome.appointmentId(), outcome);
		// The time an appointment left goes to the waitlist.
		if (outcome instanceof AppointmentRescheduled moved) {
			this.offers.freed(moved.appointment().location().value(), moved.previousPractitioner().value(),
					moved.previousStart(), now, now, outcomes);
		}
		else if (outcome instanceof AppointmentCancelled cancelled) {
			Appointment gone = cancelled.appointment();
			this.offers.freed(gone.location().value(), gone.practitioner().value(), gone.start(), now, now, outcomes);
		}
		else {
			return;
		}
		scheduleWaitlist();
	}

	/**
	 * Whether {@code command} was applied before; remembers any other command than a
	 * booking, whose status is its memory. A booking request rejected for breaking the
	 * contract was never applied: sent again, corrected, under the same id, it is
	 * decided.
	 */
	/**
	 * A cancellation inside the clinic's notice for changes, judged by when the command
	 * arrived: a late-cancellation fee may follow.
	 */
	private boolean late(Appointment appointment, Instant now) {
		return !now.isBefore(appointment.start().minus(this.clinic.changeNotice(appointment.service().value())));
	}

	private boolean alreadyApplied(BookingCommand command, long timestamp) {
		if (command instanceof BookAppointment book) {
			RequestStatus known = this.requests.get(book.requestId().value());
			return known != null && known.state() != RequestStatus.State.REJECTED;
		}
		String commandId = commandId(command);
		if (this.handled.get(commandId) != null) {
			return true;
		}
		this.handled.put(commandId, timestamp);
		this.expiries.expire(Expiries.Kind.COMMAND, commandId,
				Instant.ofEpochMilli(timestamp).plus(this.retention.horizon()));
		return false;
	}

	private AppointmentEvent book(BookAppointment book, Instant now) {
		String location = book.location().value();
		ClinicProperties.Location where = this.clinic.locations().get(location);
		if (where == null) {
			return decline(book, now, ZoneId.of("UTC"), DeclineReason.UNKNOWN_LOCATION, List.of());
		}
		LocalStart requested = new LocalStart(book.requestedStart(), book.requestedOffset());
		String practitioner = (book.practitioner() != null) ? book.practitioner().value() : null;
		Verdict verdict = this.availability.decide(location, book.service().value(), practitioner, requested, now,
				null);
		if (!verdict.given()) {
			return decline(book, now, where.zone(), verdict.refusal(), alternatives(verdict.refusal(), location,
					book.service().value(), practitioner, requested, now, null));
		}
		ClinicProperties.Service service = this.clinic.services().get(book.service().value());
		Appointment appointment = new Appointment(AppointmentId.forRequest(book.requestId()), book.location(),
				book.service(), new PractitionerId(verdict.practitioner()),
				this.clinic.practitioners().get(verdict.practitioner()).name(), verdict.start(),
				verdict.start().plus(service.duration()), where.zone(), book.patient(), book.notes(), 0,
				book.screening());
		hold(RequestStatus.confirmed(appointment, appointment.end().plus(service.buffer()), now));
		return new AppointmentConfirmed(book.requestId(), appointment);
	}

	private AppointmentDeclined decline(BookAppointment book, Instant now, ZoneId zone, DeclineReason reason,
			List<Slot> alternatives) {
		AppointmentDeclined declined = new AppointmentDeclined(book.requestId(), book.location(), book.service(),
				book.practitioner(), book.requestedStart(), zone, book.patient(), reason, alternatives,
				book.requestedOffset());
		this.requests.put(book.requestId().value(), RequestStatus.declined(declined, now));
		return declined;
	}

	private AppointmentEvent reschedule(RescheduleAppointment reschedule, Instant now) {
		RequestStatus booking = this.requests.get(reschedule.appointmentId().value());
		CommandRejected rejected = rejection(reschedule.commandId(), reschedule.appointmentId(),
				"RescheduleAppointment", booking);
		if (rejected != null) {
			return rejected;
		}
		Appointment current = booking.appointment();
		String practitioner = (reschedule.practitioner() != null) ? reschedule.practitioner().value()
				: current.practitioner().value();
		LocalStart requested = new LocalStart(reschedule.newStart(), reschedule.newOffset());
		String moving = current.appointmentId().value();
		Verdict verdict = this.availability.decide(current.location().value(), current.service().value(), practitioner,
				requested, now, moving);
		if (!verdict.given()) {
			List<Slot> offered = alternatives(verdict.refusal(), current.location().value(), current.service().value(),
					practitioner, requested, now, moving);
			this.requests.put(moving, booking.withRefusal(verdict.refusal(), offered));
			return new RescheduleDeclined(reschedule.commandId(), current, reschedule.newStart(), verdict.refusal(),
					offered, reschedule.newOffset());
		}
		ClinicProperties.Service service = this.clinic.services().get(current.service().value());
		Appointment moved = new Appointment(current.appointmentId(), current.location(), current.service(),
				new PractitionerId(verdict.practitioner()),
				this.clinic.practitioners().get(verdict.practitioner()).name(), verdict.start(),
				verdict.start().plus(service.duration()), current.zone(), current.patient(), current.notes(),
				current.sequence() + 1, current.screening());
		// One task applies both writes with the changelog in one transaction: never half
		// moved.
		release(booking);
		hold(RequestStatus.confirmed(moved, moved.end().plus(service.buffer()), now));
		return new AppointmentRescheduled(reschedule.commandId(), moved, current.start(), current.practitioner(),
				reschedule.author());
	}

	private AppointmentEvent change(CommandId commandId, AppointmentId appointmentId, String command, Instant now,
			Function<RequestStatus, AppointmentEvent> apply, RequestStatus.State next) {
		RequestStatus booking = this.requests.get(appointmentId.value());
		CommandRejected rejected = rejection(commandId, appointmentId, command, booking);
		if (rejected != null) {
			return rejected;
		}
		AppointmentEvent event = apply.apply(booking);
		this.requests.put(appointmentId.value(), booking.with(next, now));
		return event;
	}

	private static CommandRejected rejection(CommandId commandId, AppointmentId appointmentId, String command,
			RequestStatus booking) {
		if (booking == null || booking.appointment() == null) {
			return new CommandRejected(commandId, appointmentId, command, CommandRejected.Reason.UNKNOWN_APPOINTMENT,
					"no appointment " + appointmentId.value() + " at this location");
		}
		return switch (booking.state()) {
			case PENDING, CONFIRMED, DECLINED, REJECTED -> null;
			// An offer is not an appointment until its patient claims it.
			case OFFERED, OFFER_EXPIRED, OFFER_LOST ->
				new CommandRejected(commandId, appointmentId, command, CommandRejected.Reason.UNKNOWN_APPOINTMENT,
						"no appointment " + appointmentId.value() + " at this location");
			case CANCELLED -> new CommandRejected(commandId, appointmentId, command,
					CommandRejected.Reason.ALREADY_CANCELLED, "the appointment was already cancelled");
			case COMPLETED -> new CommandRejected(commandId, appointmentId, command,
					CommandRejected.Reason.ALREADY_COMPLETED, "the appointment was already completed");
			case NO_SHOW -> new CommandRejected(commandId, appointmentId, command,
					CommandRejected.Reason.ALREADY_NO_SHOW, "the appointment was already marked a no-show");
		};
	}

	private List<Slot> alternatives(DeclineReason reason, String location, String service, String practitioner,
			LocalStart requested, Instant now, String moving) {
		return switch (reason) {
			case SLOT_TAKEN, OUTSIDE_HOURS, TOO_SOON, TOO_FAR_AHEAD, NONEXISTENT_LOCAL_TIME -> this.availability
				.nearest(location, service, practitioner, requested, now, this.clinic.rules().alternatives(), moving);
			default -> List.of();
		};
	}

	private void hold(RequestStatus booking) {
		Appointment appointment = booking.appointment();
		this.requests.put(appointment.appointmentId().value(), booking);
		this.calendar.hold(appointment.location().value(), appointment.practitioner().value(), booking.booked());
	}

	private void release(RequestStatus booking) {
		Appointment appointment = booking.appointment();
		this.calendar.release(appointment.location().value(), appointment.practitioner().value(), appointment.start());
	}

	private static String commandId(BookingCommand command) {
		if (command instanceof JoinWaitlist join) {
			return join.entryId().value();
		}
		if (command instanceof ClaimWaitlistOffer claim) {
			return claim.commandId().value();
		}
		if (command instanceof CancelAppointment cancel) {
			return cancel.commandId().value();
		}
		if (command instanceof RescheduleAppointment reschedule) {
			return reschedule.commandId().value();
		}
		if (command instanceof MarkCompleted completed) {
			return completed.commandId().value();
		}
		return ((MarkNoShow) command).commandId().value();
	}

}
