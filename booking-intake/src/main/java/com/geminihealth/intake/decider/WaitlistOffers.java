package com.geminihealth.intake.decider;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Optional;

import com.geminihealth.platform.clinic.ClinicProperties;
import com.geminihealth.schemas.appointment.Appointment;
import com.geminihealth.schemas.appointment.AppointmentConfirmed;
import com.geminihealth.schemas.appointment.Slot;
import com.geminihealth.schemas.booking.AppointmentId;
import com.geminihealth.schemas.booking.JoinWaitlist;
import com.geminihealth.schemas.booking.PractitionerId;
import com.geminihealth.schemas.booking.RequestId;
import com.geminihealth.schemas.waitlist.WaitlistJoined;
import com.geminihealth.schemas.waitlist.WaitlistLeft;
import com.geminihealth.schemas.waitlist.WaitlistOfferClosed;
import com.geminihealth.schemas.waitlist.WaitlistOffered;

/**
 * Offers freed slots to the patients waiting for them, first come first, one offer at a
 * time per slot and per patient. An offered slot is held in the calendar for the patient
 * until the offer expires, so a claim in time always wins and nobody else can book it
 * meanwhile; then it goes to the next in line who fits it. A claim is decided here like a
 * booking, in the location's order of commands. Offers are made only in the hours the
 * clinic may contact patients; what frees at night is offered by the first sweep of the
 * morning.
 */
final class WaitlistOffers {

	/** Where the decider's outcomes go: appointments and waitlist events, by key. */
	interface Outcomes {

		void emit(Object key, Object event);

	}

	private final ClinicProperties clinic;

	private final DeciderProperties.Waitlist settings;

	private final Waitlists waitlists;

	private final Requests requests;

	private final CachedCalendar calendar;

	private final Availability availability;

	WaitlistOffers(ClinicProperties clinic, DeciderProperties.Waitlist settings, Waitlists waitlists, Requests requests,
			CachedCalendar calendar, Availability availability) {
		this.clinic = clinic;
		this.settings = settings;
		this.waitlists = waitlists;
		this.requests = requests;
		this.calendar = calendar;
		this.availability = availability;
	}

	/** Whether an offer is open: its hold must be checked. */
	boolean anyOpen() {
		return this.waitlists.anyDue();
	}

	/** Whether anyone is in line: the open times must be swept for them. */
	boolean anyoneWaiting() {
		return this.waitlists.anyoneInLine();
	}

	/**
	 * Puts a patient in line, in the order of {@code arrival} (their request's offset),
	 * or leaves them out if what they ask for does not exist or has passed; offers them
	 * an open time at once if there is one.
	 */
	void join(JoinWaitlist join, long arrival, Instant now, Outcomes outcomes) {
		ClinicProperties.Location where = this.clinic.locations().get(join.location().value());
		if (where == null || !this.clinic.services().containsKey(join.service().value())
				|| (join.practitioner() != null
						&& !this.clinic.practitioners().containsKey(join.practitioner().value()))
				|| join.window().lastDay().isBefore(LocalDate.ofInstant(now, where.zone()))) {
			outcomes.emit(join.entryId(), new WaitlistLeft(join.entryId(), WaitlistLeft.Reason.REFUSED, now));
			return;
		}
		WaitlistJoined joined = WaitlistJoined.of(join, where.zone(), now);
		String line = this.waitlists.join(Waiting.of(joined), arrival);
		outcomes.emit(join.entryId(), joined);
		offerOpenTime(line, Waiting.of(joined), now, outcomes);
	}

	/**
	 * A slot was freed at {@code now}: offered to the first in line who fits it, if the
	 * clinic may contact patients now.
	 */
	void freed(String location, String practitioner, Instant start, Instant freedAt, Instant now, Outcomes outcomes) {
		ZoneId zone = this.clinic.locations().get(location).zone();
		if (!this.settings.offersAt(LocalDateTime.ofInstant(now, zone).toLocalTime())) {
			return;
		}
		String slot = Waiting.slotKey(practitioner, start);
		LocalDateTime local = LocalDateTime.ofInstant(start, zone);
		for (Waitlists.InLine inLine : this.waitlists.line(location)) {
			Waiting waiting = inLine.waiting();
			WaitlistJoined joined = waiting.joined();
			if (!waiting.waitingForOffer() || waiting.passed().contains(slot) || !joined.window().holds(local)
					|| (joined.practitioner() != null && !joined.practitioner().value().equals(practitioner))) {
				continue;
			}
			Verdict verdict = this.availability.decide(location, joined.service().value(), practitioner,
					new LocalStart(local, zone.getRules().getOffset(start)), now, null);
			if (verdict.given() && offer(inLine.key(), verdict, freedAt, now, outcomes)) {
				return;
			}
		}
	}

	/**
	 * Matches everyone in line without an offer against the open times of their window,
	 * and lets go of those whose window has passed.
	 */
	void sweep(Instant now, Outcomes outcomes) {
		for (Waitlists.InLine inLine : this.waitlists.everyone()) {
			// From the store: an erasure may have taken them off meanwhile.
			Waiting waiting = this.waitlists.get(inLine.key());
			if (waiting == null) {
				continue;
			}
			WaitlistJoined joined = waiting.joined();
			if (joined.window().lastDay().isBefore(LocalDate.ofInstant(now, joined.zone()))) {
				this.waitlists.leave(inLine.key());
				outcomes.emit(joined.entryId(),
						new WaitlistLeft(joined.entryId(), WaitlistLeft.Reason.WINDOW_PASSED, now));
			}
			else if (waiting.waitingForOffer()) {
				offerOpenTime(inLine.key(), waiting, now, outcomes);
			}
		}
	}

	/**
	 * Ends the offers whose hold ran out by {@code now}: the slot is let go and offered
	 * to the next in line. An ended offer is forgotten when its slot begins.
	 */
	void expire(Instant now, Outcomes outcomes) {
		for (String offer : this.waitlists.dueBy(now)) {
			RequestStatus status = this.requests.get(offer);
			Waitlists.Offer made = this.waitlists.offerOf(offer);
			if (status == null || status.state() != RequestStatus.State.OFFERED || made == null) {
				// Its slot has begun: a claim now would be too late whatever happened.
				this.waitlists.forget(offer);
				continue;
			}
			let(made, status, now, outcomes);
			offerToNext(made, now, outcomes);
			// Kept until the slot begins, to answer a late claim.
			this.waitlists.due(offer, made.offered().slot().start());
		}
	}

	private void offerToNext(Waitlists.Offer ended, Instant now, Outcomes outcomes) {
		Slot slot = ended.offered().slot();
		freed(ended.offered().location().value(), slot.practitioner().value(), slot.start(), ended.offered().freedAt(),
				now, outcomes);
	}

	/**
	 * Decides a claim of {@code offer}: confirmed if its hold has not run out, lost if it
	 * has (the patient stays in line). A claim of an offer already decided changes
	 * nothing. Returns false when the decider knows no such offer.
	 */
	boolean claim(AppointmentId offer, Instant now, Outcomes outcomes) {
		RequestStatus status = this.requests.get(offer.value());
		Waitlists.Offer made = this.waitlists.offerOf(offer.value());
		if (status == null || made == null) {
			return status != null;
		}
		if (status.state() == RequestStatus.State.OFFERED && now.isBefore(made.offered().expiresAt())) {
			confirm(made, status, now, outcomes);
			return true;
		}
		if (status.state() == RequestStatus.State.OFFERED) {
			// Its hold ran out before the check came round to it.
			let(made, status, now, outcomes);
			offerToNext(made, now, outcomes);
		}
		this.requests.put(offer.value(), this.requests.get(offer.value()).with(RequestStatus.State.OFFER_LOST, now));
		this.waitlists.forget(offer.value());
		outcomes.emit(made.offered().entryId(),
				WaitlistOfferClosed.of(made.offered(), WaitlistOfferClosed.Outcome.LOST, now));
		return true;
	}

	private void offerOpenTime(String line, Waiting waiting, Instant now, Outcomes outcomes) {
		WaitlistJoined joined = waiting.joined();
		String location = joined.location().value();
		if (!this.settings.offersAt(LocalDateTime.ofInstant(now, joined.zone()).toLocalTime())) {
			return;
		}
		LocalDate today = LocalDate.ofInstant(now, joined.zone());
		LocalDate from = joined.window().firstDay().isBefore(today) ? today : joined.window().firstDay();
		// No further than bookings are taken, however long the window an integration
		// sent.
		LocalDate horizon = LocalDate.ofInstant(now.plus(this.clinic.rules().maximumAdvance()), joined.zone());
		LocalDate to = joined.window().lastDay().isAfter(horizon) ? horizon : joined.window().lastDay();
		String practitioner = (joined.practitioner() != null) ? joined.practitioner().value() : null;
		for (Slot open : this.availability.open(location, joined.service().value(), practitioner, from, to, now)) {
			if (joined.window().holds(LocalDateTime.ofInstant(open.start(), joined.zone()))
					&& !waiting.passed().contains(Waiting.slotKey(open.practitioner().value(), open.start()))) {
				offer(line, Verdict.give(open.practitioner().value(), open.start()), now, now, outcomes);
				return;
			}
		}
	}

	/**
	 * Offers the slot to the patient in {@code line}; false if they are no longer there.
	 */
	private boolean offer(String line, Verdict verdict, Instant freedAt, Instant now, Outcomes outcomes) {
		Waiting waiting = this.waitlists.get(line);
		if (waiting == null) {
			return false;
		}
		WaitlistJoined joined = waiting.joined();
		ClinicProperties.Service service = this.clinic.services().get(joined.service().value());
		AppointmentId offer = AppointmentId.random();
		Instant end = verdict.start().plus(service.duration());
		String practitionerName = this.clinic.practitioners().get(verdict.practitioner()).name();
		Appointment appointment = new Appointment(offer, joined.location(), joined.service(),
				new PractitionerId(verdict.practitioner()), practitionerName, verdict.start(), end, joined.zone(),
				joined.patient(), null, 0, null);
		Instant occupiedUntil = end.plus(service.buffer());
		RequestStatus offered = new RequestStatus(RequestStatus.State.OFFERED, appointment, occupiedUntil, null, null,
				joined.zone(), joined.location().value(), joined.service().value(), null, now);
		this.requests.put(offer.value(), offered);
		this.calendar.hold(joined.location().value(), verdict.practitioner(), offered.booked());
		this.waitlists.put(line, waiting.offered(offer.value()));
		WaitlistOffered event = new WaitlistOffered(joined.entryId(), offer, joined.location(), joined.service(),
				new Slot(verdict.start(), end, new PractitionerId(verdict.practitioner()), practitionerName),
				joined.zone(), joined.patient(), freedAt, now, now.plus(this.settings.offerFor()));
		this.waitlists.offer(new Waitlists.Offer(line, event));
		outcomes.emit(joined.entryId(), event);
		return true;
	}

	private void confirm(Waitlists.Offer made, RequestStatus status, Instant now, Outcomes outcomes) {
		Appointment appointment = status.appointment();
		this.requests.put(appointment.appointmentId().value(),
				RequestStatus.confirmed(appointment, status.occupiedUntil(), now));
		this.waitlists.leave(made.line());
		this.waitlists.forget(appointment.appointmentId().value());
		outcomes.emit(appointment.appointmentId(),
				new AppointmentConfirmed(new RequestId(appointment.appointmentId().uuid()), appointment));
		outcomes.emit(made.offered().entryId(),
				WaitlistOfferClosed.of(made.offered(), WaitlistOfferClosed.Outcome.CLAIMED, now));
		outcomes.emit(made.offered().entryId(),
				new WaitlistLeft(made.offered().entryId(), WaitlistLeft.Reason.BOOKED, now));
	}

	/**
	 * The patient let the offer go: the slot is released, and never offered to them
	 * again.
	 */
	private void let(Waitlists.Offer made, RequestStatus status, Instant now, Outcomes outcomes) {
		Slot slot = made.offered().slot();
		this.requests.put(made.offered().offer().value(), status.with(RequestStatus.State.OFFER_EXPIRED, now));
		this.calendar.releaseIfHeldBy(made.offered().location().value(), slot.practitioner().value(), slot.start(),
				made.offered().offer().value());
		Waiting waiting = this.waitlists.get(made.line());
		if (waiting != null) {
			this.waitlists.put(made.line(), waiting.letGo(Waiting.slotKey(slot.practitioner().value(), slot.start())));
		}
		outcomes.emit(made.offered().entryId(),
				WaitlistOfferClosed.of(made.offered(), WaitlistOfferClosed.Outcome.EXPIRED, now));
	}

}
