package com.geminihealth.reminders.scheduler;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.Cancellable;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

import com.geminihealth.reminders.policy.RemindersProperties;
import com.geminihealth.schemas.appointment.Appointment;
import com.geminihealth.schemas.appointment.AppointmentCancelled;
import com.geminihealth.schemas.appointment.AppointmentCompleted;
import com.geminihealth.schemas.appointment.AppointmentConfirmed;
import com.geminihealth.schemas.appointment.AppointmentNoShow;
import com.geminihealth.schemas.appointment.AppointmentRescheduled;
import com.geminihealth.schemas.booking.AppointmentId;
import com.geminihealth.schemas.patient.AttendanceConfirmed;
import com.geminihealth.schemas.patient.PatientContact;
import com.geminihealth.schemas.plan.TreatmentPlan;
import com.geminihealth.schemas.reminder.DueNotice;
import com.geminihealth.schemas.reminder.FollowUpDue;
import com.geminihealth.schemas.reminder.ReminderDue;
import com.geminihealth.schemas.reminder.ThankYouDue;

/**
 * Schedules what each appointment event asks for and, on a wall-clock punctuator, fires
 * whatever is due. Input is keyed by patient, so one task sees all of a patient's
 * appointments and replies. Booking-time decisions ("already past") use the event's
 * timestamp, when it happened; firing uses the wall clock, and scans from the oldest due
 * entry so that what fell due while the application was down fires late rather than
 * never.
 * <p>
 * The due store holds one entry per appointment, the next to fire; firing it arms the one
 * after, from the appointment's index entry. A booking writes one due entry instead of
 * one per reminder, and a cancellation removes one.
 */
class SchedulerProcessor implements Processor<PatientContact, Object, AppointmentId, DueNotice> {

	/** Entries read per scan; the scan repeats until nothing more is due. */
	static final int BATCH = 1_000;

	/**
	 * Fired per tick at most, so that a long backlog cannot hold the task past its
	 * transaction timeout; the rest fires on the next tick, still oldest first.
	 */
	static final int MOST_PER_TICK = 50_000;

	private final RemindersProperties properties;

	private final SchedulerMetrics metrics;

	private ProcessorContext<AppointmentId, DueNotice> context;

	private KeyValueStore<Bytes, Due> due;

	private KeyValueStore<String, Tracked> byAppointment;

	private KeyValueStore<String, PatientAppointments> byPatient;

	private KeyValueStore<String, Long> count;

	private KeyValueStore<String, NoticedAppointments> noticed;

	private KeyValueStore<String, FollowedPlan> plans;

	private Cancellable punctuator;

	/** Entries this task has still to fire, for the gauge. */
	private long scheduled;

	SchedulerProcessor(RemindersProperties properties, SchedulerMetrics metrics) {
		this.properties = properties;
		this.metrics = metrics;
	}

	@Override
	public void init(ProcessorContext<AppointmentId, DueNotice> context) {
		this.context = context;
		this.due = context.getStateStore(SchedulerStores.DUE);
		this.byAppointment = context.getStateStore(SchedulerStores.BY_APPOINTMENT);
		this.byPatient = context.getStateStore(SchedulerStores.BY_PATIENT);
		this.count = context.getStateStore(SchedulerStores.COUNT);
		this.noticed = context.getStateStore(SchedulerStores.NOTICES_BY_PATIENT);
		this.plans = context.getStateStore(SchedulerStores.PLANS);
		Long counted = this.count.get(SchedulerStores.COUNT);
		if (counted != null) {
			this.scheduled = counted;
		}
		else {
			try (KeyValueIterator<String, Tracked> all = this.byAppointment.all()) {
				while (all.hasNext()) {
					KeyValue<String, Tracked> tracked = all.next();
					this.scheduled += unfired(tracked.key, tracked.value).size();
				}
			}
		}
		this.metrics.changeScheduled(this.scheduled);
		this.punctuator = context.schedule(this.properties.tick(), PunctuationType.WALL_CLOCK_TIME, this::fireDue);
	}

	@Override
	public void process(Record<PatientContact, Object> record) {
		Instant at = Instant.ofEpochMilli(record.timestamp());
		String patient = record.key().value();
		Object event = record.value();
		if (event instanceof AppointmentConfirmed confirmed) {
			track(patient, confirmed.appointment(), at, true);
		}
		else if (event instanceof AppointmentRescheduled rescheduled) {
			track(patient, rescheduled.appointment(), at, false);
		}
		else if (event instanceof AppointmentCancelled cancelled) {
			forget(patient, cancelled.appointment());
		}
		else if (event instanceof AppointmentNoShow noShow) {
			forget(patient, noShow.appointment());
		}
		else if (event instanceof AppointmentCompleted completed) {
			completed(patient, completed, at);
		}
		else if (event instanceof AttendanceConfirmed attending) {
			patientConfirmed(patient, attending.receivedAt());
		}
		else if (event instanceof PreferenceChange change && change.erases()) {
			erase(patient, record.timestamp());
		}
		else if (event instanceof TreatmentPlan plan) {
			followPlan(patient, plan);
		}
		else if (event instanceof CheckedInput.Removed) {
			stopFollowingPlan(patient);
		}
		this.count.put(SchedulerStores.COUNT, this.scheduled);
	}

	/**
	 * Replaces whatever was scheduled for the appointment with what the policy asks for
	 * now. A new booking also cancels the patient's pending follow-ups at that location:
	 * they have booked again.
	 */
	private void track(String patient, Appointment appointment, Instant at, boolean newBooking) {
		String id = appointment.appointmentId().value();
		Tracked previous = this.byAppointment.get(id);
		if (previous != null) {
			rearm(id, previous, (entry) -> false);
		}
		List<Due> pending = new ArrayList<>();
		for (RemindersProperties.Planned planned : this.properties.plan(appointment, at)) {
			pending.add(Due.reminder(planned.rule(), planned.channel(), planned.dueAt()));
		}
		pending.add(Due.of(Due.Kind.SESSION_OVER, appointment.end().plus(this.properties.followUps().grace())));
		Tracked tracked = Tracked.of(appointment).withPending(pending);
		arm(id, tracked.pending());
		this.byAppointment.put(id, tracked);

		PatientAppointments appointments = patientAppointments(patient);
		if (newBooking) {
			for (PatientAppointments.Booked other : appointments.appointments()) {
				if (!other.appointmentId().equals(id) && other.location().equals(appointment.location().value())
						&& cancelFollowUp(other.appointmentId())) {
					appointments = appointments.without(other.appointmentId());
				}
			}
		}
		this.byPatient.put(patient, appointments.with(booked(appointment)));
	}

	/**
	 * Removes the appointment's pending follow-up; returns whether that left nothing to
	 * track for it (then its index entry is gone too).
	 */
	private boolean cancelFollowUp(String appointmentId) {
		Tracked tracked = this.byAppointment.get(appointmentId);
		if (tracked == null) {
			return false;
		}
		if (tracked.pending().stream().noneMatch((entry) -> entry.kind() == Due.Kind.FOLLOW_UP)) {
			return false;
		}
		rearm(appointmentId, tracked, (entry) -> entry.kind() != Due.Kind.FOLLOW_UP);
		Tracked rest = tracked.without((entry) -> entry.kind() == Due.Kind.FOLLOW_UP);
		if (rest.pending().isEmpty()) {
			this.byAppointment.delete(appointmentId);
			return true;
		}
		this.byAppointment.put(appointmentId, rest);
		return false;
	}

	private void forget(String patient, Appointment appointment) {
		String id = appointment.appointmentId().value();
		Tracked tracked = this.byAppointment.get(id);
		if (tracked != null) {
			rearm(id, tracked, (entry) -> false);
			this.byAppointment.delete(id);
		}
		PatientAppointments appointments = this.byPatient.get(patient);
		if (appointments != null) {
			putOrDelete(patient, appointments.without(id));
		}
	}

	/**
	 * The session is over now, unless the grace period already ended it (then the
	 * thank-you went out and a late completion adds nothing).
	 */
	private void completed(String patient, AppointmentCompleted completed, Instant at) {
		Appointment appointment = completed.appointment();
		String id = appointment.appointmentId().value();
		Tracked tracked = this.byAppointment.get(id);
		Instant graceOver = appointment.end().plus(this.properties.followUps().grace());
		if ((tracked == null && !at.isBefore(graceOver)) || (tracked != null && tracked.sessionOver())) {
			return;
		}
		if (tracked == null) {
			this.byPatient.put(patient, patientAppointments(patient).with(booked(appointment)));
			tracked = Tracked.of(appointment);
		}
		sessionOver(patient, tracked.with(appointment),
				this.properties.followUps().adviceFor(appointment, completed.homeCareNotes()), at.toEpochMilli(),
				this.context.currentSystemTimeMs());
	}

	/**
	 * Thanks the patient and queues the follow-up, unless the patient already has a later
	 * appointment at that location.
	 */
	private void sessionOver(String patient, Tracked tracked, String advice, long dueAt, long now) {
		Appointment appointment = tracked.appointment();
		String id = tracked.id();
		rearm(id, tracked, (entry) -> entry.kind() == Due.Kind.FOLLOW_UP);
		Tracked over = tracked.without((entry) -> entry.kind() != Due.Kind.FOLLOW_UP).endSession();
		emit(appointment, new ThankYouDue(appointment, advice, Instant.ofEpochMilli(dueAt), Instant.ofEpochMilli(now)),
				dueAt, now);
		boolean bookedAgain = patientAppointments(patient).appointments()
			.stream()
			.anyMatch((other) -> !other.appointmentId().equals(id)
					&& other.location().equals(appointment.location().value())
					&& other.start().isAfter(appointment.start()));
		FollowedPlan plan = countSession(patient, appointment);
		if (!bookedAgain) {
			Due followUp = Due.of(Due.Kind.FOLLOW_UP, followUpDue(appointment, plan));
			arm(id, List.of(followUp));
			over = over.adding(followUp);
		}
		finish(patient, over);
	}

	/**
	 * Counts a session of the plan the patient follows, if it is one; returns the plan as
	 * it now stands, or null when they follow none.
	 */
	private FollowedPlan countSession(String patient, Appointment appointment) {
		FollowedPlan plan = this.plans.get(patient);
		if (plan != null && !plan.plan().stopped() && plan.counts(appointment)) {
			plan = plan.afterSession();
			this.plans.put(patient, plan);
		}
		return plan;
	}

	/**
	 * When the follow-up after {@code appointment} falls due: at the interval of the plan
	 * it is part of, otherwise at the service's.
	 */
	private Instant followUpDue(Appointment appointment, FollowedPlan plan) {
		if (plan != null && plan.times(appointment)) {
			return plan.nextDue(appointment);
		}
		return appointment.end().plus(this.properties.followUps().intervalFor(appointment));
	}

	/**
	 * The patient's plan as recorded, adjusted or ended: kept (with the sessions counted
	 * so far), and every follow-up of theirs still to come timed again by it, so one
	 * queued at the assessment's interval moves to the plan's.
	 */
	private void followPlan(String patient, TreatmentPlan plan) {
		this.plans.put(patient, FollowedPlan.of(plan, this.plans.get(patient)));
		retimeFollowUps(patient);
	}

	/** The plan's tombstone: the patient follows no plan, follow-ups as before one. */
	private void stopFollowingPlan(String patient) {
		if (this.plans.get(patient) != null) {
			this.plans.delete(patient);
			retimeFollowUps(patient);
		}
	}

	private void retimeFollowUps(String patient) {
		FollowedPlan plan = this.plans.get(patient);
		for (PatientAppointments.Booked booked : patientAppointments(patient).appointments()) {
			String id = booked.appointmentId();
			Tracked tracked = this.byAppointment.get(id);
			if (tracked == null) {
				continue;
			}
			Due queued = unfired(id, tracked).stream()
				.filter((entry) -> entry.kind() == Due.Kind.FOLLOW_UP)
				.findFirst()
				.orElse(null);
			Due retimed = (queued != null) ? Due.of(Due.Kind.FOLLOW_UP, followUpDue(tracked.appointment(), plan))
					: null;
			if (retimed != null && !retimed.equals(queued)) {
				rearm(id, tracked, (entry) -> entry.kind() != Due.Kind.FOLLOW_UP);
				Tracked moved = tracked.without((entry) -> entry.kind() == Due.Kind.FOLLOW_UP).adding(retimed);
				arm(id, List.of(retimed));
				this.byAppointment.put(id, moved);
			}
		}
	}

	/** The patient's "C": their next appointment is confirmed by them. */
	private void patientConfirmed(String patient, Instant receivedAt) {
		PatientAppointments appointments = this.byPatient.get(patient);
		if (appointments == null) {
			return;
		}
		appointments.next(receivedAt).ifPresent((next) -> {
			Tracked tracked = this.byAppointment.get(next.appointmentId());
			if (tracked == null) {
				return;
			}
			Tracked confirmed = tracked.confirmByPatient();
			if (this.properties.skipRemindersWhenConfirmed(tracked.appointment())) {
				rearm(tracked.id(), tracked, (entry) -> entry.kind() != Due.Kind.REMINDER);
				confirmed = confirmed.without((entry) -> entry.kind() == Due.Kind.REMINDER);
			}
			this.byAppointment.put(tracked.id(), confirmed);
		});
	}

	/**
	 * Forgets the patient reached at {@code patient}: nothing more is sent to them (there
	 * is nobody to send it to), their appointments leave every store, and each
	 * appointment that had a notice gets a tombstone on the compacted notices topic. The
	 * erasure arrives once per contact it names; the one that is not this patient's key
	 * finds nothing, and writes nothing.
	 */
	private void erase(String patient, long at) {
		Set<String> appointmentIds = new LinkedHashSet<>();
		PatientAppointments appointments = this.byPatient.get(patient);
		if (appointments != null) {
			for (PatientAppointments.Booked booked : appointments.appointments()) {
				String id = booked.appointmentId();
				Tracked tracked = this.byAppointment.get(id);
				if (tracked != null) {
					rearm(id, tracked, (entry) -> false);
					this.byAppointment.delete(id);
				}
				appointmentIds.add(id);
			}
			this.byPatient.delete(patient);
		}
		NoticedAppointments noticed = this.noticed.get(patient);
		if (noticed != null) {
			appointmentIds.addAll(noticed.appointmentIds());
			this.noticed.delete(patient);
		}
		this.plans.delete(patient);
		for (String id : appointmentIds) {
			this.context.forward(new Record<AppointmentId, DueNotice>(AppointmentId.of(id), null, at));
		}
	}

	/** Fires everything due up to {@code now}, oldest first. */
	void fireDue(long now) {
		long before = this.scheduled;
		fireDueUpTo(now);
		if (this.scheduled != before) {
			this.count.put(SchedulerStores.COUNT, this.scheduled);
		}
	}

	private void fireDueUpTo(long now) {
		int fired = 0;
		while (fired < MOST_PER_TICK) {
			List<KeyValue<Bytes, Due>> batch = new ArrayList<>(BATCH);
			try (KeyValueIterator<Bytes, Due> range = this.due.range(null, Due.after(now))) {
				while (range.hasNext() && batch.size() < BATCH) {
					batch.add(range.next());
				}
			}
			if (batch.isEmpty()) {
				return;
			}
			for (KeyValue<Bytes, Due> entry : batch) {
				fire(entry.key, entry.value, now);
			}
			fired += batch.size();
		}
	}

	private void fire(Bytes key, Due entry, long tick) {
		// Fired when it actually leaves, not when the tick began: a long tick shows as
		// late.
		long now = Math.max(tick, this.context.currentSystemTimeMs());
		this.due.delete(key);
		changeScheduled(-1);
		String id = Due.appointmentIdOf(key);
		Tracked tracked = this.byAppointment.get(id);
		if (tracked == null) {
			return;
		}
		Tracked rest = tracked.without((pending) -> pending.equals(entry));
		Appointment appointment = tracked.appointment();
		String patient = PatientContact.of(appointment.patient()).value();
		switch (entry.kind()) {
			// The index keeps listing the fired reminder until the session is over: one
			// write less per reminder, and the end-of-session entry is always still
			// there.
			case REMINDER -> {
				if (now >= appointment.start().toEpochMilli()) {
					this.metrics.expired();
				}
				else {
					emit(appointment, new ReminderDue(appointment, entry.rule(), entry.channel(), entry.dueInstant(),
							Instant.ofEpochMilli(now)), entry.dueAt(), now);
				}
				tracked.pending()
					.stream()
					.filter((later) -> Due.ORDER.compare(later, entry) > 0)
					.findFirst()
					.ifPresent((next) -> this.due.put(next.key(id), next));
			}
			case SESSION_OVER -> sessionOver(patient, rest, this.properties.followUps().adviceFor(appointment, null),
					entry.dueAt(), now);
			case FOLLOW_UP -> {
				FollowedPlan plan = this.plans.get(patient);
				emit(appointment,
						new FollowUpDue(appointment, appointment.patient().consent().followUps(), entry.dueInstant(),
								Instant.ofEpochMilli(now),
								(plan != null && plan.times(appointment)) ? plan.nextStep().orElse(null) : null),
						entry.dueAt(), now);
				finish(patient, rest);
			}
		}
	}

	private void emit(Appointment appointment, DueNotice notice, long dueAt, long now) {
		this.metrics.fired(dueAt, now);
		String patient = PatientContact.of(appointment.patient()).value();
		String id = appointment.appointmentId().value();
		NoticedAppointments noticed = this.noticed.get(patient);
		if (noticed == null || !noticed.contains(id)) {
			this.noticed.put(patient, ((noticed != null) ? noticed : NoticedAppointments.NONE).with(id));
		}
		this.context.forward(new Record<>(appointment.appointmentId(), notice, now));
	}

	/** Saves the appointment's index entry, or drops it once nothing is left to fire. */
	private void finish(String patient, Tracked tracked) {
		if (!tracked.pending().isEmpty()) {
			this.byAppointment.put(tracked.id(), tracked);
			return;
		}
		this.byAppointment.delete(tracked.id());
		PatientAppointments appointments = this.byPatient.get(patient);
		if (appointments != null) {
			putOrDelete(patient, appointments.without(tracked.id()));
		}
	}

	/**
	 * Schedules {@code entries} (in due order) for the appointment: the first goes into
	 * the due store, the others follow it as each fires.
	 */
	private void arm(String appointmentId, List<Due> entries) {
		if (!entries.isEmpty()) {
			Due next = entries.get(0);
			this.due.put(next.key(appointmentId), next);
			changeScheduled(entries.size());
		}
	}

	/**
	 * Drops the appointment's entries still to fire that {@code keep} rejects, and arms
	 * the first of those left.
	 */
	private void rearm(String appointmentId, Tracked tracked, Predicate<Due> keep) {
		List<Due> unfired = unfired(appointmentId, tracked);
		if (unfired.isEmpty()) {
			return;
		}
		List<Due> kept = unfired.stream().filter(keep).toList();
		if (!kept.isEmpty() && kept.get(0).equals(unfired.get(0))) {
			changeScheduled(kept.size() - unfired.size());
			return;
		}
		this.due.delete(unfired.get(0).key(appointmentId));
		changeScheduled(-unfired.size());
		arm(appointmentId, kept);
	}

	/**
	 * What is still to fire for the appointment, in due order: its armed entry and the
	 * ones after it. The index also lists reminders that fired (firing leaves it alone,
	 * to keep a burst fast), so the armed entry is found in the due store.
	 */
	private List<Due> unfired(String appointmentId, Tracked tracked) {
		List<Due> pending = tracked.pending();
		for (int i = 0; i < pending.size(); i++) {
			if (this.due.get(pending.get(i).key(appointmentId)) != null) {
				return pending.subList(i, pending.size());
			}
		}
		return List.of();
	}

	private void changeScheduled(long delta) {
		this.scheduled += delta;
		this.metrics.changeScheduled(delta);
	}

	private PatientAppointments patientAppointments(String patient) {
		PatientAppointments appointments = this.byPatient.get(patient);
		return (appointments != null) ? appointments : PatientAppointments.NONE;
	}

	private void putOrDelete(String patient, PatientAppointments appointments) {
		if (appointments.appointments().isEmpty()) {
			this.byPatient.delete(patient);
		}
		else {
			this.byPatient.put(patient, appointments);
		}
	}

	private static PatientAppointments.Booked booked(Appointment appointment) {
		return new PatientAppointments.Booked(appointment.appointmentId().value(), appointment.location().value(),
				appointment.start());
	}

	@Override
	public void close() {
		if (this.punctuator != null) {
			this.punctuator.cancel();
		}
		this.metrics.changeScheduled(-this.scheduled);
		this.scheduled = 0;
	}

}
