package com.geminihealth.schemas;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.common.serialization.Serdes;

import com.geminihealth.schemas.appointment.AppointmentEvent;
import com.geminihealth.schemas.appointment.AppointmentState;
import com.geminihealth.schemas.booking.AppointmentId;
import com.geminihealth.schemas.booking.BookingCommand;
import com.geminihealth.schemas.booking.LocationId;
import com.geminihealth.schemas.frontdesk.FrontDeskMarked;
import com.geminihealth.schemas.frontdesk.MarkId;
import com.geminihealth.schemas.feedback.SessionFeedback;
import com.geminihealth.schemas.inquiry.ContactInquiryReceived;
import com.geminihealth.schemas.inquiry.InquiryId;
import com.geminihealth.schemas.intake.DestinationUsed;
import com.geminihealth.schemas.intake.Digest;
import com.geminihealth.schemas.intake.IdempotencyKeyClaimed;
import com.geminihealth.schemas.notification.DeliveryReport;
import com.geminihealth.schemas.notification.NotificationId;
import com.geminihealth.schemas.notification.NotificationOutcome;
import com.geminihealth.schemas.patient.PatientContact;
import com.geminihealth.schemas.patient.PatientPreferences;
import com.geminihealth.schemas.patient.PatientReply;
import com.geminihealth.schemas.plan.TreatmentPlan;
import com.geminihealth.schemas.privacy.ErasureId;
import com.geminihealth.schemas.privacy.ErasureRequested;
import com.geminihealth.schemas.reminder.DueNotice;
import com.geminihealth.schemas.schedule.ScheduleChangeId;
import com.geminihealth.schemas.schedule.ScheduleChanged;
import com.geminihealth.schemas.waitlist.WaitlistEntryId;
import com.geminihealth.schemas.waitlist.WaitlistEvent;

/**
 * The topic catalogue: every topic of the pipeline, its key, its events and how long it
 * keeps them. No topic name or serde is written anywhere else.
 * <p>
 * State that must last (preferences, the notification ledger, appointments as they stand,
 * front-desk marks, inquiries, treatment plans, feedback) is {@linkplain #KEPT_FOR_GOOD
 * kept for good} in compacted, keyed form, and leaves only by a tombstone, as an erasure
 * writes. Streams whose meaning now lives in state are {@linkplain #keptFor kept for a
 * bounded time}, which a deployment may change
 * ({@code pipeline.topics.retention.<topic>}).
 */
public final class Topics {

	/**
	 * Compacted: the latest record of each key stays for good. A segment is closed and
	 * compacted within a day, so a tombstone removes what it replaces within two days
	 * (one to be compacted, one for the tombstone itself to go).
	 */
	public static final Map<String, String> KEPT_FOR_GOOD = Map.of("cleanup.policy", "compact", "retention.ms", "-1",
			"segment.ms", String.valueOf(Duration.ofDays(1).toMillis()), "max.compaction.lag.ms",
			String.valueOf(Duration.ofDays(1).toMillis()), "delete.retention.ms",
			String.valueOf(Duration.ofDays(1).toMillis()));

	/**
	 * Book, cancel, reschedule, mark completed or no-show; keyed by location. The broker
	 * stamps each record with its arrival: the decider judges lead times and past dates
	 * by that, never by a time a client could choose.
	 */
	public static final Topic<LocationId, BookingCommand> BOOKING_COMMANDS = new Topic<>("booking-commands",
			IdSerde.of(LocationId::new), CloudEventSerde.ofSealed("booking", BookingCommand.class),
			keptFor(Duration.ofDays(7), "message.timestamp.type", "LogAppendTime"));

	/**
	 * The decider's decisions; keyed by appointment (declines by request, the same id).
	 * What they leave behind is on {@link #APPOINTMENT_STATES}: the events themselves are
	 * kept a month.
	 */
	public static final Topic<AppointmentId, AppointmentEvent> APPOINTMENTS = new Topic<>("appointments",
			IdSerde.of(AppointmentId::of), CloudEventSerde.ofSealed("appointment", AppointmentEvent.class),
			keptFor(Duration.ofDays(30)));

	/**
	 * Each appointment as it stands after the decider's last decision about it; keyed by
	 * appointment, kept for good.
	 */
	public static final Topic<AppointmentId, AppointmentState> APPOINTMENT_STATES = new Topic<>("appointment-states",
			IdSerde.of(AppointmentId::of), CloudEventSerde.of("appointment", AppointmentState.class), KEPT_FOR_GOOD);

	/**
	 * Contact-form inquiries; keyed by inquiry, one record each, kept for good (the front
	 * desk's inbox) until erased.
	 */
	public static final Topic<InquiryId, ContactInquiryReceived> CONTACT_INQUIRIES = new Topic<>("contact-inquiries",
			IdSerde.of(InquiryId::of), CloudEventSerde.of("inquiry", ContactInquiryReceived.class), KEPT_FOR_GOOD);

	/**
	 * Reminders, thank-yous and follow-ups the scheduler found due; keyed by appointment.
	 * Compacted: each appointment's last notice stays, which after a session is its
	 * follow-up, the front desk's call list.
	 */
	public static final Topic<AppointmentId, DueNotice> DUE_NOTICES = new Topic<>("due-notices",
			IdSerde.of(AppointmentId::of), CloudEventSerde.ofSealed("reminder", DueNotice.class), KEPT_FOR_GOOD);

	/**
	 * Patient replies: opt-outs and opt-ins, confirmations, free text; keyed by the
	 * patient's phone or email. What they change is on {@link #PATIENT_PREFERENCES}: the
	 * replies themselves are kept a month.
	 */
	public static final Topic<PatientContact, PatientReply> PATIENT_REPLIES = new Topic<>("patient-replies",
			IdSerde.of(PatientContact::new), CloudEventSerde.ofSealed("patient", PatientReply.class),
			keptFor(Duration.ofDays(30)));

	/**
	 * Each contact's current preferences, folded from its replies by their one writer;
	 * keyed by the phone or email, kept for good.
	 */
	public static final Topic<PatientContact, PatientPreferences> PATIENT_PREFERENCES = new Topic<>(
			"patient-preferences", IdSerde.of(PatientContact::new),
			CloudEventSerde.of("patient", PatientPreferences.class), KEPT_FOR_GOOD);

	/**
	 * What happened to each message; keyed by notification id, kept for good: the latest
	 * outcome of each notification is the ledger that no message is sent twice by.
	 */
	public static final Topic<NotificationId, NotificationOutcome> NOTIFICATION_OUTCOMES = new Topic<>(
			"notification-outcomes", IdSerde.of(NotificationId::new),
			CloudEventSerde.ofSealed("notification", NotificationOutcome.class), KEPT_FOR_GOOD);

	/**
	 * The SMS provider's delivery reports, from its status webhook; keyed by notification
	 * id.
	 */
	public static final Topic<NotificationId, DeliveryReport> DELIVERY_REPORTS = new Topic<>("delivery-reports",
			IdSerde.of(NotificationId::new), CloudEventSerde.of("notification", DeliveryReport.class),
			keptFor(Duration.ofDays(7)));

	/**
	 * Booking intake's claims of clients' idempotency keys, read by every intake
	 * instance; keyed by the digest of the caller and the key. Claims matter for a day: a
	 * retention of a few days keeps what every instance must read at start small.
	 */
	public static final Topic<Digest, IdempotencyKeyClaimed> IDEMPOTENCY_KEYS = new Topic<>("idempotency-keys",
			IdSerde.of(Digest::new), CloudEventSerde.of("intake", IdempotencyKeyClaimed.class),
			keptFor(Duration.ofDays(2)));

	/**
	 * Messages that requests at booking intake's public doors will send, counted per
	 * destination by every intake instance; keyed by the digest of the phone number or
	 * address. Counted over a day, like the claims above.
	 */
	public static final Topic<Digest, DestinationUsed> DESTINATION_USES = new Topic<>("destination-uses",
			IdSerde.of(Digest::new), CloudEventSerde.of("intake", DestinationUsed.class), keptFor(Duration.ofDays(2)));

	/**
	 * What the front desk marked by hand; keyed by kind and subject, kept for good.
	 */
	public static final Topic<MarkId, FrontDeskMarked> FRONT_DESK_MARKS = new Topic<>("front-desk-marks",
			IdSerde.of(MarkId::new), CloudEventSerde.of("frontdesk", FrontDeskMarked.class), KEPT_FOR_GOOD);

	/**
	 * Each patient's treatment plan with every change made to it, recorded on the
	 * dashboard; keyed by the patient's phone or email ({@link TreatmentPlan#key()}),
	 * kept for good. Health data: an erasure leaves a tombstone.
	 */
	public static final Topic<PatientContact, TreatmentPlan> TREATMENT_PLANS = new Topic<>("treatment-plans",
			IdSerde.of(PatientContact::new), CloudEventSerde.of("plan", TreatmentPlan.class), KEPT_FOR_GOOD);

	/**
	 * The front desk's changes to practitioners' hours (time off, breaks, changed days);
	 * keyed by practitioner, date and change, kept for good: the decider reads them as a
	 * table and applies each at once, and a tombstone takes one back.
	 */
	public static final Topic<ScheduleChangeId, ScheduleChanged> SCHEDULE_CHANGES = new Topic<>("schedule-changes",
			IdSerde.of(ScheduleChangeId::new), CloudEventSerde.of("schedule", ScheduleChanged.class), KEPT_FOR_GOOD);

	/**
	 * The waitlists: who joined, which freed slot was offered to whom, how each offer
	 * ended; keyed by waitlist entry, written by the decider. What they leave behind is
	 * in the decider's state; the events are kept a month, as the appointments are.
	 */
	public static final Topic<WaitlistEntryId, WaitlistEvent> WAITLIST = new Topic<>("waitlist",
			IdSerde.of(WaitlistEntryId::of), CloudEventSerde.ofSealed("waitlist", WaitlistEvent.class),
			keptFor(Duration.ofDays(30)));

	/**
	 * Patients' answers to the question asked after a session, matched to the session by
	 * the reminders scheduler: the practitioner's view. Keyed by appointment, kept for
	 * good; an erasure leaves a tombstone for each.
	 */
	public static final Topic<AppointmentId, SessionFeedback> SESSION_FEEDBACK = new Topic<>("session-feedback",
			IdSerde.of(AppointmentId::of), CloudEventSerde.of("feedback", SessionFeedback.class), KEPT_FOR_GOOD);

	/**
	 * Erasures the operations role asked for, read by every service that keeps personal
	 * data; keyed by erasure. They name the patient, so they are kept only a week: every
	 * service must have acted on them by then.
	 */
	public static final Topic<ErasureId, ErasureRequested> ERASURES = new Topic<>("erasures", IdSerde.of(ErasureId::of),
			CloudEventSerde.of("privacy", ErasureRequested.class), keptFor(Duration.ofDays(7)));

	/**
	 * Dead letters wait a month for the front desk to inspect and replay them.
	 */
	private static final Map<String, String> DEAD_LETTERS_KEPT = keptFor(Duration.ofDays(30));

	/**
	 * Booking commands the decider could not accept, byte for byte as they arrived, with
	 * the reason in the {@link DeadLetters#REASON} header.
	 */
	public static final Topic<byte[], byte[]> BOOKING_COMMANDS_DEAD_LETTERS = DeadLetters.of(BOOKING_COMMANDS,
			DEAD_LETTERS_KEPT);

	/**
	 * Records the notifications service could make no notification of (unreadable, or
	 * failing for a reason retrying cannot fix), from whichever stream it reads, as they
	 * arrived, with the reason and the origin in {@link DeadLetters} headers.
	 */
	public static final Topic<byte[], byte[]> NOTIFICATIONS_DEAD_LETTERS = raw("notifications.dlt", DEAD_LETTERS_KEPT);

	/**
	 * The notifications service's own retries: a record whose message failed for a
	 * passing reason (a provider's rate limit or outage), as it arrived, waiting its turn
	 * in {@link RetryHeaders}, so the stream it came from keeps flowing meanwhile.
	 */
	public static final Topic<byte[], byte[]> NOTIFICATIONS_RETRIES = raw("notifications.retry",
			keptFor(Duration.ofDays(2)));

	/**
	 * Appointment events and patient replies the reminders scheduler could not read, as
	 * they arrived, with the reason and the origin in {@link DeadLetters} headers.
	 */
	public static final Topic<byte[], byte[]> REMINDERS_DEAD_LETTERS = raw("reminders.dlt", DEAD_LETTERS_KEPT);

	public static final List<Topic<?, ?>> ALL = List.of(BOOKING_COMMANDS, APPOINTMENTS, APPOINTMENT_STATES,
			CONTACT_INQUIRIES, DUE_NOTICES, PATIENT_REPLIES, PATIENT_PREFERENCES, NOTIFICATION_OUTCOMES,
			DELIVERY_REPORTS, IDEMPOTENCY_KEYS, DESTINATION_USES, FRONT_DESK_MARKS, SCHEDULE_CHANGES, ERASURES,
			BOOKING_COMMANDS_DEAD_LETTERS, NOTIFICATIONS_DEAD_LETTERS, NOTIFICATIONS_RETRIES, REMINDERS_DEAD_LETTERS,
			TREATMENT_PLANS, WAITLIST, SESSION_FEEDBACK);

	/** The catalogued topic named {@code name}. */
	public static Optional<Topic<?, ?>> named(String name) {
		return ALL.stream().filter((topic) -> topic.name().equals(name)).findFirst();
	}

	private Topics() {
	}

	/**
	 * Settings of a topic that deletes its records after {@code retention}, with other
	 * settings as name and value pairs.
	 */
	public static Map<String, String> keptFor(Duration retention, String... settings) {
		Map<String, String> configs = new HashMap<>();
		configs.put("cleanup.policy", "delete");
		configs.put("retention.ms", String.valueOf(retention.toMillis()));
		for (int i = 0; i + 1 < settings.length; i += 2) {
			configs.put(settings[i], settings[i + 1]);
		}
		return Map.copyOf(configs);
	}

	static Topic<byte[], byte[]> raw(String name, Map<String, String> configs) {
		return new Topic<>(name, Serdes.ByteArray(), Serdes.ByteArray(), configs);
	}

}
