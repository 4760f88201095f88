package com.geminihealth.intake.manage;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

import com.geminihealth.intake.decider.RequestStatus;
import com.geminihealth.schemas.booking.Language;

/**
 * A time the waitlist offered a patient, as they see it through the link in the offer, in
 * the location's local time. Served only to the holder of the link.
 *
 * @param offerId the offer: the appointment the time becomes if they claim it
 * @param status OFFERED, OFFER_EXPIRED, OFFER_LOST, or once claimed CONFIRMED (and what
 * an appointment becomes after that)
 * @param location location id
 * @param service service id
 * @param practitioner practitioner id
 * @param practitionerName as patients know them
 * @param start local start
 * @param end local end
 * @param zone the location's time zone
 * @param sequence how often the appointment was moved since it was claimed: the offer's
 * link opens its manage page at 0 only
 * @param language the patient's language
 * @param heldUntil when the hold ends: the offer's time plus the decider's
 * {@code decider.waitlist.offer-for}
 */
public record WaitlistOffer(String offerId, String status, String location, String service, String practitioner,
		String practitionerName, LocalDateTime start, LocalDateTime end, ZoneId zone, int sequence, Language language,
		Instant heldUntil) {

	static WaitlistOffer of(RequestStatus record, Instant heldUntil) {
		var appointment = record.appointment();
		return new WaitlistOffer(appointment.appointmentId().value(), record.state().name(),
				appointment.location().value(), appointment.service().value(), appointment.practitioner().value(),
				appointment.practitionerName(), LocalDateTime.ofInstant(appointment.start(), appointment.zone()),
				LocalDateTime.ofInstant(appointment.end(), appointment.zone()), appointment.zone(),
				appointment.sequence(), appointment.patient().language(), heldUntil);
	}

	/** Whether the time is still held for the patient at {@code now}. */
	public boolean claimable(Instant now) {
		return offered() && now.isBefore(this.heldUntil);
	}

	/** Whether the decider still holds it as an offer, claimed or not. */
	public boolean offered() {
		return RequestStatus.State.OFFERED.name().equals(this.status);
	}

	/** The hold's end in the location's wall-clock time. */
	public LocalDateTime heldUntilLocal() {
		return LocalDateTime.ofInstant(this.heldUntil, this.zone);
	}

	@Override
	public String toString() {
		return "WaitlistOffer[" + this.offerId + ", " + this.status + ", " + this.start + "]";
	}

}
