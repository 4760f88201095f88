package com.geminihealth.dashboard.stream;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import com.geminihealth.schemas.CloudEvents;
import com.geminihealth.schemas.DeadLetters;
import com.geminihealth.schemas.Topic;
import com.geminihealth.schemas.Topics;
import com.geminihealth.schemas.appointment.Appointment;
import com.geminihealth.schemas.appointment.AppointmentEvent;
import com.geminihealth.schemas.appointment.AppointmentState;
import com.geminihealth.schemas.appointment.AppointmentCancelled;
import com.geminihealth.schemas.appointment.AppointmentCompleted;
import com.geminihealth.schemas.appointment.AppointmentConfirmed;
import com.geminihealth.schemas.appointment.AppointmentDeclined;
import com.geminihealth.schemas.appointment.AppointmentNoShow;
import com.geminihealth.schemas.appointment.AppointmentRescheduled;
import com.geminihealth.schemas.appointment.CommandRejected;
import com.geminihealth.schemas.appointment.RescheduleDeclined;
import com.geminihealth.schemas.booking.AppointmentId;
import com.geminihealth.schemas.booking.Author;
import com.geminihealth.schemas.booking.BookAppointment;
import com.geminihealth.schemas.booking.BookingCommand;
import com.geminihealth.schemas.booking.CancelAppointment;
import com.geminihealth.schemas.booking.ClaimWaitlistOffer;
import com.geminihealth.schemas.booking.JoinWaitlist;
import com.geminihealth.schemas.booking.MarkCompleted;
import com.geminihealth.schemas.booking.MarkNoShow;
import com.geminihealth.schemas.booking.Patient;
import com.geminihealth.schemas.booking.PractitionerId;
import com.geminihealth.schemas.booking.RescheduleAppointment;
import com.geminihealth.schemas.feedback.SessionFeedback;
import com.geminihealth.schemas.inquiry.ContactInquiryReceived;
import com.geminihealth.schemas.notification.NotificationFailed;
import com.geminihealth.schemas.notification.NotificationOutcome;
import com.geminihealth.schemas.notification.NotificationSent;
import com.geminihealth.schemas.notification.NotificationSuppressed;
import com.geminihealth.schemas.patient.FeedbackAnswered;
import com.geminihealth.schemas.patient.FreeTextReply;
import com.geminihealth.schemas.patient.HelpRequested;
import com.geminihealth.schemas.patient.OptedIn;
import com.geminihealth.schemas.patient.OptedOut;
import com.geminihealth.schemas.patient.PatientReply;
import com.geminihealth.schemas.privacy.ErasureRequested;
import com.geminihealth.schemas.plan.PlanTerms;
import com.geminihealth.schemas.plan.TreatmentPlan;
import com.geminihealth.schemas.schedule.ScheduleChanged;
import com.geminihealth.schemas.reminder.DueNotice;
import com.geminihealth.schemas.reminder.FollowUpDue;
import com.geminihealth.schemas.reminder.ReminderDue;
import com.geminihealth.schemas.waitlist.WaitlistEvent;
import com.geminihealth.schemas.waitlist.WaitlistJoined;
import com.geminihealth.schemas.waitlist.WaitlistLeft;
import com.geminihealth.schemas.waitlist.WaitlistOfferClosed;
import com.geminihealth.schemas.waitlist.WaitlistOffered;
import com.geminihealth.schemas.waitlist.WaitlistWindow;

/**
 * Turns a record of any catalogue topic into what the front desk reads about it. Events
 * that name only an appointment or a patient's contact (outcomes, replies) borrow the
 * patient, practitioner and location from the appointment events seen before them. Notes,
 * home-care advice and free text never reach the facts.
 */
public class EventDecoder {

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.CANADA);

	private final ZoneId zone;

	private final Function<String, String> serviceNames;

	private final Function<String, String> practitionerNames;

	private final Map<String, Topic<?, ?>> topics;

	private final Map<AppointmentId, Known> appointments = new ConcurrentHashMap<>();

	private final Map<String, String> firstNamesByContact = new ConcurrentHashMap<>();

	/**
	 * Who each waitlist entry and each offer in flight is for, by entry and offer id, for
	 * the events that name only the id; forgotten when the entry leaves, the offer closes
	 * or the patient is erased.
	 */
	private final Map<Object, Waiting> waiting = new ConcurrentHashMap<>();

	public EventDecoder(ZoneId zone, List<Topic<?, ?>> topics, Function<String, String> serviceNames,
			Function<String, String> practitionerNames) {
		this.zone = zone;
		this.serviceNames = serviceNames;
		this.practitionerNames = practitionerNames;
		this.topics = new ConcurrentHashMap<>();
		topics.forEach((topic) -> this.topics.put(topic.name(), topic));
	}

	public static boolean isDeadLetterTopic(String topic) {
		return topic.endsWith(".dlt");
	}

	public PipelineEvent decode(ConsumerRecord<byte[], byte[]> record) {
		String id = record.topic() + "-" + record.partition() + "@" + record.offset();
		Instant time = time(record);
		if (isDeadLetterTopic(record.topic())) {
			String source = CloudEvents.header(record.headers(), DeadLetters.SOURCE_TOPIC);
			source = (source != null) ? source : record.topic().substring(0, record.topic().length() - 4);
			String reason = CloudEvents.header(record.headers(), DeadLetters.REASON);
			String location = (record.key() != null && Topics.BOOKING_COMMANDS.name().equals(source))
					? new String(record.key(), StandardCharsets.UTF_8) : null;
			return new PipelineEvent(id, record.topic(), PipelineEvent.DEAD_LETTER, time, location, null, null,
					"from " + source + ": " + ((reason != null) ? reason : "no reason given"), null, raw(record));
		}
		Topic<?, ?> topic = this.topics.get(record.topic());
		if (topic != null && topic.eventTypes().isEmpty()) {
			// A raw topic of a service's own plumbing, such as its retries: shown, not
			// read, and kept as stored so that a retry can be sent again. Its time is
			// when it was stored, which its retention counts from, not the time of the
			// event it carries.
			String ceType = CloudEvents.header(record.headers(), CloudEvents.TYPE);
			return new PipelineEvent(id, record.topic(), record.topic(), Instant.ofEpochMilli(record.timestamp()), null,
					null, null, (ceType != null) ? "carries " + shortType(ceType) : "a record", null, raw(record));
		}
		if (topic != null && record.value() == null) {
			// A compacted topic forgets the key: an erasure's or a pruning's tombstone.
			String key = (record.key() != null) ? new String(record.key(), StandardCharsets.UTF_8) : null;
			return new PipelineEvent(id, record.topic(), PipelineEvent.TOMBSTONE, time, null, null, null,
					"a record removed", new PipelineEvent.Tombstone(key), null);
		}
		Object value;
		try {
			value = (topic != null)
					? topic.valueSerde().deserializer().deserialize(record.topic(), record.headers(), record.value())
					: null;
		}
		catch (RuntimeException ex) {
			value = null;
		}
		if (value == null) {
			return new PipelineEvent(id, record.topic(), PipelineEvent.UNREADABLE, time, null, null, null,
					"a record this dashboard cannot read", null, null);
		}
		if (time == null) {
			time = Instant.ofEpochMilli(record.timestamp());
		}
		return describe(id, record.topic(), time, value);
	}

	private PipelineEvent describe(String id, String topic, Instant time, Object value) {
		String type = value.getClass().getSimpleName();
		if (value instanceof BookingCommand command) {
			return command(id, topic, type, time, command);
		}
		if (value instanceof AppointmentDeclined declined) {
			return new PipelineEvent(id, topic, type, time, declined.location().value(), declined.patient().firstName(),
					null,
					service(declined.service().value()) + " at " + declined.requestedStart().format(WHEN) + ": "
							+ declined.reason() + ", " + declined.alternatives().size() + " alternatives offered",
					value, null);
		}
		if (value instanceof CommandRejected rejected) {
			Known known = this.appointments.get(rejected.appointmentId());
			return event(id, topic, type, time, known, rejected.command() + " refused: " + rejected.reason(), value);
		}
		if (value instanceof ContactInquiryReceived inquiry) {
			return new PipelineEvent(id, topic, type, time,
					(inquiry.location() != null) ? inquiry.location().value() : null, firstName(inquiry.name()), null,
					"contact-form inquiry, reply in " + inquiry.language(), value, null);
		}
		if (value instanceof DueNotice notice) {
			Appointment appointment = remember(notice.appointment());
			return new PipelineEvent(id, topic, type, time, appointment.location().value(),
					appointment.patient().firstName(), appointment.practitionerName(),
					dueFacts(notice) + " for " + at(appointment.start()), value, null);
		}
		if (value instanceof AppointmentState state) {
			Appointment appointment = remember(state.appointment());
			return new PipelineEvent(id, topic, type, time, appointment.location().value(),
					appointment.patient().firstName(), appointment.practitionerName(),
					state.status().name().toLowerCase(Locale.ROOT).replace('_', '-') + ", " + at(appointment.start()),
					value, null);
		}
		if (value instanceof ScheduleChanged change) {
			return new PipelineEvent(id, topic, type, time,
					(change.location() != null) ? change.location().value() : null, null,
					this.practitionerNames.apply(change.practitioner().value()),
					scheduleFacts(change) + ", by " + change.by(), value, null);
		}
		if (value instanceof ErasureRequested erasure) {
			forget(erasure);
			return new PipelineEvent(id, topic, type, time, null, null, null,
					"a patient's personal data erased, by " + erasure.requestedBy(), value, null);
		}
		if (value instanceof PatientReply reply) {
			String firstName = this.firstNamesByContact.get(reply.contact().value());
			return new PipelineEvent(id, topic, type, time, null, firstName, null, replyFacts(reply), value, null);
		}
		if (value instanceof NotificationOutcome outcome) {
			AppointmentId about = outcome.appointmentId();
			Known known = (about != null) ? this.appointments.get(about) : null;
			return event(id, topic, type, time, known, outcomeFacts(outcome), value);
		}
		if (value instanceof WaitlistEvent event) {
			return waitlist(id, topic, type, time, event);
		}
		if (value instanceof SessionFeedback feedback) {
			Appointment session = feedback.appointment();
			return new PipelineEvent(id, topic, type, time, session.location().value(), session.patient().firstName(),
					session.practitionerName(),
					"feedback on " + service(session.service().value()) + " of " + at(session.start()) + ": "
							+ feedback.score() + " of " + SessionFeedback.HIGHEST
							+ ((feedback.comment() != null) ? ", with a comment" : ""),
					value, null);
		}
		if (value instanceof TreatmentPlan plan) {
			// The focus and the advice are health detail: the feed says only what
			// changed.
			PlanTerms terms = plan.terms();
			return new PipelineEvent(id, topic, type, time, plan.location().value(), plan.patient().firstName(),
					plan.practitionerName(),
					"treatment plan " + plan.current().change().name().toLowerCase(Locale.ROOT) + " (version "
							+ plan.current().version() + "): " + terms.sessionsPlanned() + " sessions every "
							+ terms.intervalDays() + " days, review " + terms.reviewDate()
							+ by(plan.current().author()),
					value, null);
		}
		Appointment appointment = appointmentOf(value);
		if (appointment != null) {
			remember(appointment);
			return new PipelineEvent(id, topic, type, time, appointment.location().value(),
					appointment.patient().firstName(), appointment.practitionerName(),
					appointmentFacts(value, appointment), value, null);
		}
		return new PipelineEvent(id, topic, type, time, null, null, null, "", value, null);
	}

	private PipelineEvent command(String id, String topic, String type, Instant time, BookingCommand command) {
		String location = command.location().value();
		if (command instanceof BookAppointment book) {
			return new PipelineEvent(id, topic, type, time, location, book.patient().firstName(), null,
					service(book.service().value()) + " requested for " + book.requestedStart().format(WHEN)
							+ ((book.practitioner() != null)
									? " with " + this.practitionerNames.apply(book.practitioner().value()) : "")
							+ " (" + book.channel() + ")",
					command, null);
		}
		if (command instanceof JoinWaitlist join) {
			return new PipelineEvent(id, topic, type, time, location, join.patient().firstName(),
					practitionerName(join.practitioner()), service(join.service().value()) + " waitlist requested for "
							+ window(join.window()) + by(join.author()),
					command, null);
		}
		if (command instanceof ClaimWaitlistOffer claim) {
			Waiting known = this.waiting.get(claim.offer());
			return new PipelineEvent(id, topic, type, time, location, (known != null) ? known.firstName() : null,
					(known != null) ? known.practitioner() : null, "waitlist offer claim" + by(claim.author()), command,
					null);
		}
		AppointmentId appointmentId;
		String facts;
		if (command instanceof CancelAppointment cancel) {
			appointmentId = cancel.appointmentId();
			facts = "cancel requested";
		}
		else if (command instanceof RescheduleAppointment reschedule) {
			appointmentId = reschedule.appointmentId();
			facts = "move requested to " + reschedule.newStart().format(WHEN);
		}
		else if (command instanceof MarkCompleted completed) {
			appointmentId = completed.appointmentId();
			facts = "completed, as marked";
		}
		else {
			appointmentId = ((MarkNoShow) command).appointmentId();
			facts = "no-show, as marked";
		}
		Known known = this.appointments.get(appointmentId);
		return new PipelineEvent(id, topic, type, time, location, (known != null) ? known.firstName() : null,
				(known != null) ? known.practitioner() : null, facts, command, null);
	}

	/**
	 * A waitlist event, with the patient's first name and never their contacts; an event
	 * naming only the entry borrows the name from its {@link WaitlistJoined}.
	 */
	private PipelineEvent waitlist(String id, String topic, String type, Instant time, WaitlistEvent value) {
		if (value instanceof WaitlistJoined joined) {
			Waiting known = new Waiting(joined.location().value(), joined.patient().firstName(),
					practitionerName(joined.practitioner()), joined.patient());
			this.waiting.put(joined.entryId(), known);
			return new PipelineEvent(id, topic, type, time, known.location(), known.firstName(), known.practitioner(),
					service(joined.service().value()) + " waitlist joined for " + window(joined.window())
							+ ((joined.practitioner() == null) ? ", any practitioner" : "") + by(joined.author()),
					value, null);
		}
		if (value instanceof WaitlistOffered offered) {
			Waiting known = new Waiting(offered.location().value(), offered.patient().firstName(),
					offered.slot().practitionerName(), offered.patient());
			this.waiting.put(offered.offer(), known);
			return new PipelineEvent(id, topic, type, time, known.location(), known.firstName(), known.practitioner(),
					service(offered.service().value()) + " on " + at(offered.slot().start()) + " offered, held until "
							+ LocalDateTime.ofInstant(offered.expiresAt(), this.zone).toLocalTime(),
					value, null);
		}
		if (value instanceof WaitlistOfferClosed closed) {
			this.waiting.remove(closed.offer());
			String facts = "offer of " + at(closed.slot().start()) + " " + switch (closed.outcome()) {
				case CLAIMED -> (closed.freedAt() != null) ? "claimed, slot refilled "
						+ Duration.between(closed.freedAt(), closed.closedAt()).toMinutes() + " min after it freed"
						: "claimed";
				case EXPIRED -> "expired unclaimed";
				case LOST -> "lost: claimed too late or the slot was taken";
			};
			return new PipelineEvent(id, topic, type, time, closed.location().value(), closed.patient().firstName(),
					closed.slot().practitionerName(), facts, value, null);
		}
		WaitlistLeft left = (WaitlistLeft) value;
		Waiting known = this.waiting.remove(left.entryId());
		return new PipelineEvent(id, topic, type, time, (known != null) ? known.location() : null,
				(known != null) ? known.firstName() : null, (known != null) ? known.practitioner() : null,
				"left the waitlist: " + switch (left.reason()) {
					case BOOKED -> "booked";
					case WINDOW_PASSED -> "their dates have passed";
					case REFUSED -> "refused (no such location, service or practitioner, or dates already past)";
				}, value, null);
	}

	private String practitionerName(PractitionerId practitioner) {
		return (practitioner != null) ? this.practitionerNames.apply(practitioner.value()) : null;
	}

	/** A waitlist's days and times, as the front desk would say them. */
	private static String window(WaitlistWindow window) {
		String days = window.firstDay().equals(window.lastDay()) ? window.firstDay().toString()
				: window.firstDay() + " to " + window.lastDay();
		String from = (window.earliest() != null) ? " from " + window.earliest() : "";
		String until = (window.latest() != null) ? " until " + window.latest() : "";
		return days + from + until;
	}

	private PipelineEvent event(String id, String topic, String type, Instant time, Known known, String facts,
			Object value) {
		return new PipelineEvent(id, topic, type, time, (known != null) ? known.location() : null,
				(known != null) ? known.firstName() : null, (known != null) ? known.practitioner() : null, facts, value,
				null);
	}

	/** Who made a change, as the front desk reads it. */
	static String by(Author author) {
		if (author == null) {
			return "";
		}
		return switch (author.kind()) {
			case PATIENT -> ", by the patient online";
			case FRONT_DESK -> ", by " + author.name();
			case INTEGRATION -> ", by integration " + author.name();
		};
	}

	private Appointment remember(Appointment appointment) {
		Patient patient = appointment.patient();
		this.appointments.put(appointment.appointmentId(),
				new Known(appointment.location().value(), patient.firstName(), appointment.practitionerName()));
		if (patient.mobilePhone() != null) {
			this.firstNamesByContact.put(patient.mobilePhone(), patient.firstName());
		}
		if (patient.email() != null) {
			this.firstNamesByContact.put(patient.email(), patient.firstName());
		}
		return appointment;
	}

	/**
	 * Forgets the erased patient's contacts and their waitlist entries and offers; the
	 * first names it kept by appointment stay only where the appointment itself stays,
	 * anonymised by the decider.
	 */
	private void forget(ErasureRequested erasure) {
		if (erasure.email() != null) {
			this.firstNamesByContact.remove(erasure.email());
		}
		if (erasure.phone() != null) {
			this.firstNamesByContact.remove(erasure.phone());
		}
		ErasedPatient erased = ErasedPatient.of(erasure);
		this.waiting.values().removeIf((known) -> erased.is(known.patient()));
	}

	private String appointmentFacts(Object value, Appointment appointment) {
		String when = at(appointment.start());
		if (value instanceof AppointmentConfirmed) {
			return service(appointment.service().value()) + " on " + when;
		}
		if (value instanceof AppointmentRescheduled moved) {
			return "moved from " + at(moved.previousStart()) + " to " + when + by(moved.author());
		}
		if (value instanceof AppointmentCancelled cancelled) {
			return (cancelled.late() ? "cancelled late, was " : "cancelled, was ") + when + by(cancelled.author());
		}
		if (value instanceof AppointmentCompleted completed) {
			return "completed, " + when + by(completed.author());
		}
		if (value instanceof AppointmentNoShow noShow) {
			return "did not come, " + when + by(noShow.author());
		}
		if (value instanceof RescheduleDeclined declined) {
			return "could not move from " + when + ": " + declined.reason();
		}
		return when;
	}

	private static String dueFacts(DueNotice notice) {
		if (notice instanceof ReminderDue reminder) {
			return reminder.channel() + " reminder (" + reminder.rule() + ")";
		}
		if (notice instanceof FollowUpDue followUp) {
			String session = (followUp.plan() != null)
					? ", session " + followUp.plan().session() + " of " + followUp.plan().sessionsPlanned() : "";
			return "follow-up call due" + session + (followUp.nudge() ? ", nudge sent" : "");
		}
		return "thank-you due";
	}

	private static String replyFacts(PatientReply reply) {
		if (reply instanceof OptedOut out) {
			return "opted out of " + out.channel() + " (" + out.keyword() + ")";
		}
		if (reply instanceof OptedIn in) {
			return "opted back in to " + in.channel() + " (" + in.keyword() + ")";
		}
		if (reply instanceof HelpRequested help) {
			return "asked for help (" + help.keyword() + ")";
		}
		if (reply instanceof FreeTextReply) {
			return "wrote a reply for the front desk";
		}
		if (reply instanceof FeedbackAnswered answer) {
			// The comment may be health detail: the feed gives only the score.
			return "answered the question about "
					+ ((answer.appointmentId() != null) ? "a session" : "their last session") + ": " + answer.score()
					+ " of " + SessionFeedback.HIGHEST;
		}
		return "confirmed they will come";
	}

	private static String outcomeFacts(NotificationOutcome outcome) {
		if (outcome instanceof NotificationSent sent) {
			return sent.channel() + " " + sent.purpose() + " sent";
		}
		if (outcome instanceof NotificationFailed failed) {
			return failed.channel() + " " + failed.purpose() + " failed: " + failed.reason();
		}
		if (outcome instanceof NotificationSuppressed suppressed) {
			return suppressed.channel() + " " + suppressed.purpose() + " not sent: " + suppressed.reason();
		}
		return outcome.channel() + " delivered";
	}

	private String service(String id) {
		return this.serviceNames.apply(id);
	}

	private String at(Instant instant) {
		return LocalDateTime.ofInstant(instant, this.zone).format(WHEN);
	}

	/**
	 * {@code com.geminihealth.appointment.AppointmentConfirmed.v1} becomes
	 * {@code AppointmentConfirmed}.
	 */
	private static String shortType(String ceType) {
		String[] parts = ceType.split("\\.");
		return (parts.length >= 2) ? parts[parts.length - 2] : ceType;
	}

	private static String firstName(String name) {
		return (name != null && !name.isBlank()) ? name.strip().split("\\s+")[0] : null;
	}

	private static PipelineEvent.Raw raw(ConsumerRecord<byte[], byte[]> record) {
		return new PipelineEvent.Raw(record.key(), record.value(), List.of(record.headers().toArray()));
	}

	private static Instant time(ConsumerRecord<byte[], byte[]> record) {
		String header = CloudEvents.header(record.headers(), CloudEvents.TIME);
		if (header != null) {
			try {
				return Instant.parse(header);
			}
			catch (RuntimeException ex) {
				// fall back to the record's timestamp
			}
		}
		return Instant.ofEpochMilli(record.timestamp());
	}

	/** What a schedule change does, as the front desk would say it. */
	private static String scheduleFacts(ScheduleChanged change) {
		return switch (change.kind()) {
			case TIME_OFF -> change.wholeDay() ? "day off on " + change.date()
					: "time off on " + change.date() + ", " + change.start() + "-" + change.end();
			case BREAK -> "break on " + change.date() + ", " + change.start() + "-" + change.end();
			case CHANGED_DAY -> "changed day on " + change.date() + ", " + change.start() + "-" + change.end();
		};
	}

	private record Known(String location, String firstName, String practitioner) {
	}

	/** Who a waitlist entry or offer is for; the patient only to recognise an erasure. */
	private record Waiting(String location, String firstName, String practitioner, Patient patient) {
	}

	/** The appointment an appointment event carries, or null for any other record. */
	public static Appointment appointmentOf(Object value) {
		return (value instanceof AppointmentEvent event) ? event.appointment() : null;
	}

}
