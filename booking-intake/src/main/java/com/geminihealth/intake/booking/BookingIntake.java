package com.geminihealth.intake.booking;

import org.springframework.stereotype.Service;
import org.springframework.util.StringUtils;

import com.geminihealth.intake.destination.Destination;
import com.geminihealth.intake.destination.DestinationLimits;
import com.geminihealth.intake.web.PhoneNumbers;
import com.geminihealth.platform.EventPublisher;
import com.geminihealth.schemas.Topics;
import com.geminihealth.schemas.booking.BookAppointment;
import com.geminihealth.schemas.booking.BookingChannel;
import com.geminihealth.schemas.booking.Consent;
import com.geminihealth.schemas.booking.Language;
import com.geminihealth.schemas.booking.LocationId;
import com.geminihealth.schemas.booking.Patient;
import com.geminihealth.schemas.booking.PractitionerId;
import com.geminihealth.schemas.booking.RequestId;
import com.geminihealth.schemas.booking.ServiceId;

/** Turns a validated booking request into a command on the booking stream. */
@Service
public class BookingIntake {

	private final EventPublisher publisher;

	private final DestinationLimits limits;

	BookingIntake(EventPublisher publisher, DestinationLimits limits) {
		this.publisher = publisher;
		this.limits = limits;
	}

	/**
	 * Counts the messages the request will send against what the public doors may send
	 * its email address and, if the patient wants texts, their number; throws if it may
	 * not.
	 */
	void allow(RequestId requestId, BookingRequest request) {
		this.limits.allow(requestId.uuid(), Destination.email("email", request.email()),
				request.smsConsent() ? Destination.text("mobilePhone", request.mobilePhone()) : null);
	}

	/** Publishes the command and returns once Kafka has acknowledged it. */
	public RequestId submit(RequestId requestId, BookingRequest request, BookingChannel channel) {
		BookAppointment command = toCommand(requestId, request, channel);
		this.publisher.publish(Topics.BOOKING_COMMANDS, command.location(), command);
		return requestId;
	}

	static BookAppointment toCommand(RequestId requestId, BookingRequest request, BookingChannel channel) {
		Patient patient = new Patient(request.patientName().strip(), blankToNull(request.email()),
				PhoneNumbers.toE164(request.mobilePhone()).orElse(null),
				(request.language() != null) ? request.language() : Language.EN,
				new Consent(request.smsConsent(), request.followUpConsent()));
		PractitionerId practitioner = StringUtils.hasText(request.practitioner())
				? new PractitionerId(request.practitioner()) : null;
		return new BookAppointment(requestId, new LocationId(request.location()), new ServiceId(request.service()),
				practitioner, request.requestedStart(), patient, blankToNull(request.notes()), null, channel,
				request.requestedOffset(), request.screening());
	}

	private static String blankToNull(String text) {
		return StringUtils.hasText(text) ? text.strip() : null;
	}

}
