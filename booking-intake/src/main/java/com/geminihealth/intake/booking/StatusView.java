package com.geminihealth.intake.booking;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import com.geminihealth.intake.decider.RequestStatus;
import com.geminihealth.schemas.appointment.Appointment;
import com.geminihealth.schemas.appointment.DeclineReason;
import com.geminihealth.schemas.appointment.Slot;
import com.geminihealth.schemas.booking.Screening;

/**
 * What the status URL answers, in the location's local time.
 *
 * @param requestId the request
 * @param status PENDING, CONFIRMED, DECLINED, REJECTED, CANCELLED, COMPLETED or NO_SHOW
 * @param appointment the appointment once confirmed
 * @param reason why it was declined
 * @param alternatives open slots offered instead, nearest first
 * @param location the location asked for
 * @param service the service asked for
 * @param detail why it was rejected: each way the request broke the contract, as
 * {@code $.path: message}
 */
public record StatusView(String requestId, String status, AppointmentView appointment, DeclineReason reason,
		List<SlotView> alternatives, String location, String service, String detail) {

	/**
	 * An answer with no rejection's detail, such as the booking page's "pending" while
	 * the decider starts.
	 */
	StatusView(String requestId, String status, AppointmentView appointment, DeclineReason reason,
			List<SlotView> alternatives, String location, String service) {
		this(requestId, status, appointment, reason, alternatives, location, service, null);
	}

	static StatusView of(String requestId, RequestStatus status) {
		Appointment appointment = status.appointment();
		return new StatusView(requestId, status.state().name(),
				(appointment != null) ? AppointmentView.of(appointment) : null, status.reason(),
				status.alternatives().stream().map((slot) -> SlotView.of(slot, status.zone())).toList(),
				status.location(), status.service(), status.detail());
	}

	/**
	 * The UTC offset of {@code instant} at {@code zone} if the local time it shows there
	 * is one the clocks show twice (the night they fall back), else null: a local time
	 * alone then names two instants, and with its offset it names one.
	 */
	static ZoneOffset offsetWhereRepeated(Instant instant, ZoneId zone) {
		LocalDateTime local = LocalDateTime.ofInstant(instant, zone);
		return (zone.getRules().getValidOffsets(local).size() > 1) ? zone.getRules().getOffset(instant) : null;
	}

	/**
	 * @param location location id
	 * @param service service id
	 * @param practitioner practitioner id
	 * @param practitionerName as patients see it
	 * @param start local start
	 * @param end local end
	 * @param zone the location's time zone
	 * @param offset the start's UTC offset, only where the clocks show its local time
	 * twice
	 * @param redFlags the patient answered yes to a screening question: the answer page
	 * advises them to see a doctor first (only whoever holds the request id sees it)
	 */
	public record AppointmentView(String location, String service, String practitioner, String practitionerName,
			LocalDateTime start, LocalDateTime end, ZoneId zone, ZoneOffset offset, boolean redFlags) {

		static AppointmentView of(Appointment appointment) {
			return new AppointmentView(appointment.location().value(), appointment.service().value(),
					appointment.practitioner().value(), appointment.practitionerName(),
					LocalDateTime.ofInstant(appointment.start(), appointment.zone()),
					LocalDateTime.ofInstant(appointment.end(), appointment.zone()), appointment.zone(),
					offsetWhereRepeated(appointment.start(), appointment.zone()),
					Screening.flagged(appointment.screening()));
		}

	}

	/**
	 * An open slot in local time. The night the clocks fall back, the same local start is
	 * offered twice, once per offset; booking it means sending {@code offset} back as the
	 * request's {@code requestedOffset}.
	 *
	 * @param start local start
	 * @param end local end
	 * @param practitioner practitioner id
	 * @param practitionerName as patients see it
	 * @param offset the start's UTC offset, only where the clocks show its local time
	 * twice
	 */
	public record SlotView(LocalDateTime start, LocalDateTime end, String practitioner, String practitionerName,
			ZoneOffset offset) {

		static SlotView of(Slot slot, ZoneId zone) {
			return new SlotView(LocalDateTime.ofInstant(slot.start(), zone), LocalDateTime.ofInstant(slot.end(), zone),
					slot.practitioner().value(), slot.practitionerName(), offsetWhereRepeated(slot.start(), zone));
		}

		/**
		 * The instant the slot starts at {@code zone}, its location's: local times alone
		 * sort 01:15 EST before 01:30 EDT, which comes first.
		 */
		Instant startingAt(ZoneId zone) {
			return (this.offset != null) ? this.start.toInstant(this.offset) : this.start.atZone(zone).toInstant();
		}

	}

}
