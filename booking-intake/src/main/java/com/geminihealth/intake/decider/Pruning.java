package com.geminihealth.intake.decider;

import java.time.Instant;

import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.geminihealth.schemas.appointment.Appointment;

/**
 * Removes what the decider no longer needs, by the wall clock: declined and rejected
 * requests after {@code decider.retention.declined}, appointments (status and calendar
 * entry) and applied command ids after {@code decider.retention.horizon}. Each
 * appointment as it stands stays on the appointment-states topic for good.
 */
final class Pruning {

	private static final Logger logger = LoggerFactory.getLogger(Pruning.class);

	private final Requests requests;

	private final CachedCalendar calendar;

	private final KeyValueStore<String, Long> handled;

	private final Expiries expiries;

	private final DeciderProperties.Retention retention;

	Pruning(Requests requests, CachedCalendar calendar, KeyValueStore<String, Long> handled, Expiries expiries,
			DeciderProperties.Retention retention) {
		this.requests = requests;
		this.calendar = calendar;
		this.handled = handled;
		this.expiries = expiries;
		this.retention = retention;
	}

	void prune(long wallClockMillis) {
		Instant now = Instant.ofEpochMilli(wallClockMillis);
		int pruned = 0;
		for (Expiries.Due due : this.expiries.dueBy(now)) {
			boolean gone = (due.kind() == Expiries.Kind.REQUEST) ? pruneRequest(due.id(), now)
					: pruneCommand(due.id(), now);
			pruned += gone ? 1 : 0;
			this.expiries.remove(due);
		}
		if (pruned > 0) {
			logger.info("Pruned {} entries of the decider's state due by {}", pruned, now);
		}
	}

	private boolean pruneRequest(String id, Instant now) {
		RequestStatus status = this.requests.get(id);
		if (status == null || this.requests.expiryOf(status).isAfter(now)) {
			return false;
		}
		Appointment appointment = status.appointment();
		// A cancelled appointment let its time go when it was cancelled, maybe to
		// another.
		if (appointment != null && status.state() != RequestStatus.State.CANCELLED) {
			this.calendar.releaseIfHeldBy(appointment.location().value(), appointment.practitioner().value(),
					appointment.start(), id);
		}
		this.requests.delete(id);
		return true;
	}

	private boolean pruneCommand(String id, Instant now) {
		Long appliedAt = this.handled.get(id);
		if (appliedAt == null || Instant.ofEpochMilli(appliedAt).plus(this.retention.horizon()).isAfter(now)) {
			return false;
		}
		this.handled.delete(id);
		return true;
	}

}
