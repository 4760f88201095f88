package com.geminihealth.intake.waitlist;

import org.springframework.stereotype.Service;
import org.springframework.util.StringUtils;

import com.geminihealth.intake.booking.BookingIntake;
import com.geminihealth.intake.manage.WaitlistOffer;
import com.geminihealth.platform.EventPublisher;
import com.geminihealth.schemas.Topics;
import com.geminihealth.schemas.booking.AppointmentId;
import com.geminihealth.schemas.booking.Author;
import com.geminihealth.schemas.booking.ClaimWaitlistOffer;
import com.geminihealth.schemas.booking.CommandId;
import com.geminihealth.schemas.booking.Consent;
import com.geminihealth.schemas.booking.JoinWaitlist;
import com.geminihealth.schemas.booking.LocationId;
import com.geminihealth.schemas.booking.PractitionerId;
import com.geminihealth.schemas.booking.ServiceId;
import com.geminihealth.schemas.waitlist.WaitlistEntryId;
import com.geminihealth.schemas.waitlist.WaitlistWindow;

/**
 * Turns the patient's waitlist requests into commands on the booking stream, keyed by
 * location as bookings are, and returns once Kafka has acknowledged them: joining, and
 * claiming a time offered to them. The decider does the rest.
 */
@Service
class WaitlistIntake {

	private final EventPublisher publisher;

	private final BookingIntake bookings;

	WaitlistIntake(EventPublisher publisher, BookingIntake bookings) {
		this.publisher = publisher;
		this.bookings = bookings;
	}

	/**
	 * Counts the messages the entry may send (its offers) against what the public doors
	 * may send its email address and number, as for a booking; throws if it may not.
	 */
	void allow(WaitlistEntryId entry, WaitlistRequest request) {
		this.bookings.allowMessages(entry.uuid(), request.email(), request.mobilePhone(), request.smsConsent());
	}

	void join(WaitlistEntryId entry, WaitlistRequest request) {
		JoinWaitlist command = toCommand(entry, request);
		this.publisher.publish(Topics.BOOKING_COMMANDS, command.location(), command);
	}

	/** The patient takes the time held for them, as the patient. */
	void claim(WaitlistOffer offer) {
		LocationId location = new LocationId(offer.location());
		this.publisher.publish(Topics.BOOKING_COMMANDS, location, new ClaimWaitlistOffer(CommandId.random(), location,
				AppointmentId.of(offer.offerId()), Author.PATIENT));
	}

	static JoinWaitlist toCommand(WaitlistEntryId entry, WaitlistRequest request) {
		PractitionerId practitioner = StringUtils.hasText(request.practitioner())
				? new PractitionerId(request.practitioner()) : null;
		return new JoinWaitlist(entry, new LocationId(request.location()), new ServiceId(request.service()),
				practitioner,
				new WaitlistWindow(request.firstDay(), request.lastDay(), request.earliest(), request.latest()),
				BookingIntake.patient(request.patientName(), request.email(), request.mobilePhone(), request.language(),
						new Consent(request.smsConsent(), request.followUpConsent(), request.feedbackConsent())),
				Author.PATIENT);
	}

}
