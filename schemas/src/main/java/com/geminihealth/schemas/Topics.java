package com.geminihealth.schemas;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.common.serialization.Serdes;

import com.geminihealth.schemas.appointment.AppointmentEvent;
import com.geminihealth.schemas.booking.AppointmentId;
import com.geminihealth.schemas.booking.BookingCommand;
import com.geminihealth.schemas.booking.LocationId;
import com.geminihealth.schemas.inquiry.ContactInquiryReceived;
import com.geminihealth.schemas.inquiry.InquiryId;
import com.geminihealth.schemas.intake.DestinationUsed;
import com.geminihealth.schemas.intake.Digest;
import com.geminihealth.schemas.intake.IdempotencyKeyClaimed;
import com.geminihealth.schemas.notification.DeliveryReport;
import com.geminihealth.schemas.notification.NotificationId;
import com.geminihealth.schemas.notification.NotificationOutcome;
import com.geminihealth.schemas.patient.PatientContact;
import com.geminihealth.schemas.patient.PatientReply;
import com.geminihealth.schemas.reminder.DueNotice;

/**
 * The topic catalogue: every topic of the pipeline, its key and its events. No topic name
 * or serde is written anywhere else.
 */
public final class Topics {

	/**
	 * Book, cancel, reschedule, mark completed or no-show; keyed by location. The broker
	 * stamps each record with its arrival: the decider judges lead times and past dates
	 * by that, never by a time a client could choose.
	 */
	public static final Topic<LocationId, BookingCommand> BOOKING_COMMANDS = new Topic<>("booking-commands",
			IdSerde.of(LocationId::new), CloudEventSerde.ofSealed("booking", BookingCommand.class),
			Map.of("message.timestamp.type", "LogAppendTime"));

	/**
	 * The decider's decisions; keyed by appointment (declines by request, the same id).
	 */
	public static final Topic<AppointmentId, AppointmentEvent> APPOINTMENTS = new Topic<>("appointments",
			IdSerde.of(AppointmentId::of), CloudEventSerde.ofSealed("appointment", AppointmentEvent.class));

	/** Contact-form inquiries; keyed by inquiry. */
	public static final Topic<InquiryId, ContactInquiryReceived> CONTACT_INQUIRIES = new Topic<>("contact-inquiries",
			IdSerde.of(InquiryId::of), CloudEventSerde.of("inquiry", ContactInquiryReceived.class));

	/**
	 * Reminders, thank-yous and follow-ups the scheduler found due; keyed by appointment.
	 */
	public static final Topic<AppointmentId, DueNotice> DUE_NOTICES = new Topic<>("due-notices",
			IdSerde.of(AppointmentId::of), CloudEventSerde.ofSealed("reminder", DueNotice.class));

	/** Patient replies and preferences; keyed by the patient's phone or email. */
	public static final Topic<PatientContact, PatientReply> PATIENT_REPLIES = new Topic<>("patient-replies",
			IdSerde.of(PatientContact::new), CloudEventSerde.ofSealed("patient", PatientReply.class));

	/** What happened to each message; keyed by notification id. */
	public static final Topic<NotificationId, NotificationOutcome> NOTIFICATION_OUTCOMES = new Topic<>(
			"notification-outcomes", IdSerde.of(NotificationId::new),
			CloudEventSerde.ofSealed("notification", NotificationOutcome.class));

	/**
	 * The SMS provider's delivery reports, from its status webhook; keyed by notification
	 * id.
	 */
	public static final Topic<NotificationId, DeliveryReport> DELIVERY_REPORTS = new Topic<>("delivery-reports",
			IdSerde.of(NotificationId::new), CloudEventSerde.of("notification", DeliveryReport.class));

	/**
	 * Booking intake's claims of clients' idempotency keys, read by every intake
	 * instance; keyed by the digest of the caller and the key. Claims matter for a day: a
	 * retention of a few days keeps what every instance must read at start small.
	 */
	public static final Topic<Digest, IdempotencyKeyClaimed> IDEMPOTENCY_KEYS = new Topic<>("idempotency-keys",
			IdSerde.of(Digest::new), CloudEventSerde.of("intake", IdempotencyKeyClaimed.class));

	/**
	 * Messages that requests at booking intake's public doors will send, counted per
	 * destination by every intake instance; keyed by the digest of the phone number or
	 * address. Counted over a day, like the claims above.
	 */
	public static final Topic<Digest, DestinationUsed> DESTINATION_USES = new Topic<>("destination-uses",
			IdSerde.of(Digest::new), CloudEventSerde.of("intake", DestinationUsed.class));

	/**
	 * Booking commands the decider could not accept, byte for byte as they arrived, with
	 * the reason in the {@link DeadLetters#REASON} header.
	 */
	public static final Topic<byte[], byte[]> BOOKING_COMMANDS_DEAD_LETTERS = DeadLetters.of(BOOKING_COMMANDS);

	/**
	 * Records the notifications service could make no notification of (unreadable, or
	 * failing for a reason retrying cannot fix), from whichever stream it reads, as they
	 * arrived, with the reason and the origin in {@link DeadLetters} headers.
	 */
	public static final Topic<byte[], byte[]> NOTIFICATIONS_DEAD_LETTERS = raw("notifications.dlt");

	/**
	 * The notifications service's own retries: a record whose message failed for a
	 * passing reason (a provider's rate limit or outage), as it arrived, waiting its turn
	 * in {@code retry_*} headers, so the stream it came from keeps flowing meanwhile.
	 */
	public static final Topic<byte[], byte[]> NOTIFICATIONS_RETRIES = raw("notifications.retry");

	/**
	 * Appointment events and patient replies the reminders scheduler could not read, as
	 * they arrived, with the reason and the origin in {@link DeadLetters} headers.
	 */
	public static final Topic<byte[], byte[]> REMINDERS_DEAD_LETTERS = raw("reminders.dlt");

	public static final List<Topic<?, ?>> ALL = List.of(BOOKING_COMMANDS, APPOINTMENTS, CONTACT_INQUIRIES, DUE_NOTICES,
			PATIENT_REPLIES, NOTIFICATION_OUTCOMES, DELIVERY_REPORTS, IDEMPOTENCY_KEYS, DESTINATION_USES,
			BOOKING_COMMANDS_DEAD_LETTERS, NOTIFICATIONS_DEAD_LETTERS, NOTIFICATIONS_RETRIES, REMINDERS_DEAD_LETTERS);

	/** The catalogued topic named {@code name}. */
	public static Optional<Topic<?, ?>> named(String name) {
		return ALL.stream().filter((topic) -> topic.name().equals(name)).findFirst();
	}

	private Topics() {
	}

	static Topic<byte[], byte[]> raw(String name) {
		return new Topic<>(name, Serdes.ByteArray(), Serdes.ByteArray());
	}

}
