package com.geminihealth.intake.booking;

import java.util.UUID;

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
		allowMessages(requestId.uuid(), request.email(), request.mobilePhone(), request.smsConsent());
	}

	/**
	 * The same count for any request of a patient's at the public doors, on the fields
	 * {@code email} and {@code mobilePhone}.
	 * @param request the request's id, the same when it is sent again
	 */
	public void allowMessages(UUID request, String email, String mobilePhone, boolean smsConsent) {
		this.limits.allow(request, Destination.email("email", email),
				smsConsent ? Destination.text("mobilePhone", mobilePhone) : null);
	}

	/** Publishes the command and returns once Kafka has acknowledged it. */
	public RequestId submit(RequestId requestId, BookingRequest request, BookingChannel channel) {
		BookAppointment command = toCommand(requestId, request, channel);
		this.publisher.publish(Topics.BOOKING_COMMANDS, command.location(), command);
		return requestId;
	}

	static BookAppointment toCommand(RequestId requestId, BookingRequest request, BookingChannel channel) {
		Patient patient = patient(request.patientName(), request.email(), request.mobilePhone(), request.language(),
				new Consent(request.smsConsent(), request.followUpConsent(), request.feedbackConsent()));
		PractitionerId practitioner = StringUtils.hasText(request.practitioner())
				? new PractitionerId(request.practitioner()) : null;
		return new BookAppointment(requestId, new LocationId(request.location()), new ServiceId(request.service()),
				practitioner, request.requestedStart(), patient, blankToNull(request.notes()), null, channel,
				request.requestedOffset(), request.screening());
	}

	/**
	 * The patient as a form or the API gave them: the name stripped, the number in E.164,
	 * English unless they chose French, with what they agreed to.
	 */
	public static Patient patient(String name, String email, String mobilePhone, Language language, Consent consent) {
		return new Patient(name.strip(), blankToNull(email), PhoneNumbers.toE164(mobilePhone).orElse(null),
				(language != null) ? language : Language.EN, consent);
	}

	private static String blankToNull(String text) {
		return StringUtils.hasText(text) ? text.strip() : null;
	}

}
