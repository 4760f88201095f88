package com.geminihealth.schemas;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.geminihealth.schemas.appointment.Appointment;
import com.geminihealth.schemas.appointment.AppointmentCancelled;
import com.geminihealth.schemas.appointment.AppointmentCompleted;
import com.geminihealth.schemas.appointment.AppointmentConfirmed;
import com.geminihealth.schemas.appointment.AppointmentDeclined;
import com.geminihealth.schemas.appointment.AppointmentNoShow;
import com.geminihealth.schemas.appointment.AppointmentRescheduled;
import com.geminihealth.schemas.appointment.AppointmentState;
import com.geminihealth.schemas.appointment.AppointmentStatus;
import com.geminihealth.schemas.appointment.CommandRejected;
import com.geminihealth.schemas.appointment.DeclineReason;
import com.geminihealth.schemas.appointment.RescheduleDeclined;
import com.geminihealth.schemas.appointment.Slot;
import com.geminihealth.schemas.booking.AppointmentId;
import com.geminihealth.schemas.booking.Author;
import com.geminihealth.schemas.booking.BookAppointment;
import com.geminihealth.schemas.booking.BookingChannel;
import com.geminihealth.schemas.booking.CancelAppointment;
import com.geminihealth.schemas.booking.ClaimWaitlistOffer;
import com.geminihealth.schemas.booking.CommandId;
import com.geminihealth.schemas.booking.Consent;
import com.geminihealth.schemas.booking.DirectBilling;
import com.geminihealth.schemas.booking.JoinWaitlist;
import com.geminihealth.schemas.booking.Language;
import com.geminihealth.schemas.booking.LocationId;
import com.geminihealth.schemas.booking.MarkCompleted;
import com.geminihealth.schemas.booking.MarkNoShow;
import com.geminihealth.schemas.booking.Patient;
import com.geminihealth.schemas.booking.PractitionerId;
import com.geminihealth.schemas.booking.RequestId;
import com.geminihealth.schemas.booking.RescheduleAppointment;
import com.geminihealth.schemas.booking.Screening;
import com.geminihealth.schemas.booking.ServiceId;
import com.geminihealth.schemas.frontdesk.FrontDeskMarked;
import com.geminihealth.schemas.feedback.FeedbackSource;
import com.geminihealth.schemas.feedback.SessionFeedback;
import com.geminihealth.schemas.inquiry.ContactInquiryReceived;
import com.geminihealth.schemas.inquiry.InquiryId;
import com.geminihealth.schemas.intake.DestinationUsed;
import com.geminihealth.schemas.intake.Digest;
import com.geminihealth.schemas.intake.IdempotencyKeyClaimed;
import com.geminihealth.schemas.notification.DeliveryReport;
import com.geminihealth.schemas.notification.NotificationDelivered;
import com.geminihealth.schemas.notification.NotificationFailed;
import com.geminihealth.schemas.notification.NotificationId;
import com.geminihealth.schemas.notification.NotificationSent;
import com.geminihealth.schemas.notification.NotificationSuppressed;
import com.geminihealth.schemas.patient.AttendanceConfirmed;
import com.geminihealth.schemas.patient.FeedbackAnswered;
import com.geminihealth.schemas.patient.FreeTextReply;
import com.geminihealth.schemas.patient.HelpRequested;
import com.geminihealth.schemas.patient.OptedIn;
import com.geminihealth.schemas.patient.OptedOut;
import com.geminihealth.schemas.patient.PatientContact;
import com.geminihealth.schemas.patient.PatientPreferences;
import com.geminihealth.schemas.privacy.ErasureId;
import com.geminihealth.schemas.privacy.ErasureRequested;
import com.geminihealth.schemas.schedule.ScheduleChanged;
import com.geminihealth.schemas.patient.ReplySource;
import com.geminihealth.schemas.plan.PlanId;
import com.geminihealth.schemas.plan.PlanTerms;
import com.geminihealth.schemas.plan.TreatmentPlan;
import com.geminihealth.schemas.reminder.Channel;
import com.geminihealth.schemas.reminder.FollowUpDue;
import com.geminihealth.schemas.reminder.ReminderDue;
import com.geminihealth.schemas.reminder.ThankYouDue;
import com.geminihealth.schemas.waitlist.WaitlistEntryId;
import com.geminihealth.schemas.waitlist.WaitlistJoined;
import com.geminihealth.schemas.waitlist.WaitlistLeft;
import com.geminihealth.schemas.waitlist.WaitlistOfferClosed;
import com.geminihealth.schemas.waitlist.WaitlistOffered;
import com.geminihealth.schemas.waitlist.WaitlistWindow;

/**
 * One realistic instance of every event type of the contract, for tests in any module
 * (through the schemas test-jar). The same values are published as JSON under
 * {@code contract/examples/}, and {@code ContractTest} keeps the two equal.
 */
public final class Examples {

	public static final LocationId LOCATION = new LocationId("toronto-midtown");

	public static final ZoneId ZONE = ZoneId.of("America/Toronto");

	/** Toronto's offset in winter, on the examples' December times. */
	public static final ZoneOffset EST = ZoneOffset.ofHours(-5);

	public static final ServiceId DEEP_TISSUE_60 = new ServiceId("rmt-deep-tissue-60");

	public static final ServiceId PHYSIO_INITIAL_45 = new ServiceId("physio-initial-45");

	/** The service the sessions of a physiotherapy plan are booked as. */
	public static final ServiceId PHYSIO_FOLLOW_UP_30 = new ServiceId("physio-follow-up-30");

	public static final PractitionerId MAYA_CHEN = new PractitionerId("maya-chen");

	public static final PractitionerId DANIEL_OKAFOR = new PractitionerId("daniel-okafor");

	public static final PractitionerId SOPHIE_GAGNON = new PractitionerId("sophie-gagnon");

	/** An English-speaking patient who consented to SMS and to follow-up nudges. */
	public static final Patient ENGLISH_PATIENT = new Patient("Olivia Martin", "olivia.martin@example.com",
			"+14165550123", Language.EN, new Consent(true, true, true));

	/** A French-speaking patient who consented to SMS only. */
	public static final Patient FRENCH_PATIENT = new Patient("Élodie Tremblay", "elodie.tremblay@example.ca",
			"+15145550187", Language.FR, new Consent(true, false, false));

	public static final RequestId REQUEST = RequestId.of("3f2b8c1e-5d4a-4e7b-9c1f-2a6d8e0b4c71");

	/** The appointment {@link #REQUEST} created: it shares the request's id. */
	public static final AppointmentId APPOINTMENT_ID = AppointmentId.forRequest(REQUEST);

	/**
	 * Olivia's 60-minute deep-tissue massage with Maya, Tuesday 1 December 2026 at 10:00
	 * in Toronto (15:00 UTC).
	 */
	static final String FEEDBACK_COMMENT = "The stretches already help; I can turn my head again.";

	public static final Appointment APPOINTMENT = new Appointment(APPOINTMENT_ID, LOCATION, DEEP_TISSUE_60, MAYA_CHEN,
			"Maya Chen", Instant.parse("2026-12-01T15:00:00Z"), Instant.parse("2026-12-01T16:00:00Z"), ZONE,
			ENGLISH_PATIENT, "Tight shoulders after a long week at the desk; prefers firm pressure.", 0);

	/**
	 * {@link #APPOINTMENT} as the booking form made it: Olivia answered yes to a
	 * screening question, so the front desk sees a flag.
	 */
	public static final Appointment SCREENED_APPOINTMENT = new Appointment(APPOINTMENT.appointmentId(),
			APPOINTMENT.location(), APPOINTMENT.service(), APPOINTMENT.practitioner(), APPOINTMENT.practitionerName(),
			APPOINTMENT.start(), APPOINTMENT.end(), APPOINTMENT.zone(), APPOINTMENT.patient(), APPOINTMENT.notes(),
			APPOINTMENT.sequence(), Screening.RED_FLAGS);

	/** Élodie's physiotherapy assessment with Sophie, Thursday 3 December 2026. */
	public static final Appointment FRENCH_APPOINTMENT = new Appointment(
			AppointmentId.of("8a1d4f60-2c3b-4e9a-b7d5-0f6e1c2a9b38"), LOCATION, PHYSIO_INITIAL_45, SOPHIE_GAGNON,
			"Sophie Gagnon", Instant.parse("2026-12-03T21:00:00Z"), Instant.parse("2026-12-03T21:45:00Z"), ZONE,
			FRENCH_PATIENT, null, 0);

	/**
	 * Élodie's place on the waitlist for a physiotherapy assessment with Sophie, any day
	 * from Tuesday 1 to Friday 4 December 2026, starting between 16:00 and 19:00.
	 */
	public static final JoinWaitlist JOIN_WAITLIST = new JoinWaitlist(
			WaitlistEntryId.of("7c4e1a93-2b8d-4f60-a5e1-3d9b7f2c0e48"), LOCATION, PHYSIO_INITIAL_45, SOPHIE_GAGNON,
			new WaitlistWindow(LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 4), LocalTime.of(16, 0),
					LocalTime.of(19, 0)),
			FRENCH_PATIENT, Author.PATIENT);

	/**
	 * The slot offered to Élodie when it freed: Wednesday 2 December 2026 at 18:00 in
	 * Toronto, held fifteen minutes. Its id is the appointment it becomes if claimed.
	 */
	public static final WaitlistOffered WAITLIST_OFFER = new WaitlistOffered(JOIN_WAITLIST.entryId(),
			AppointmentId.of("d5a2c8e1-9f3b-4a7d-8c6e-1b0f4e7a2d95"), LOCATION, PHYSIO_INITIAL_45,
			new Slot(Instant.parse("2026-12-02T23:00:00Z"), Instant.parse("2026-12-02T23:45:00Z"), SOPHIE_GAGNON,
					"Sophie Gagnon"),
			ZONE, FRENCH_PATIENT, Instant.parse("2026-12-01T14:02:00Z"), Instant.parse("2026-12-01T14:02:01Z"),
			Instant.parse("2026-12-01T14:17:01Z"));

	private static final Map<Class<?>, Object> ALL = build();

	private Examples() {
	}

	/** The example of {@code type}; fails for a type that has none. */
	public static <T> T of(Class<T> type) {
		Object example = ALL.get(type);
		if (example == null) {
			throw new IllegalArgumentException("no example of " + type.getName());
		}
		return type.cast(example);
	}

	/** Every example, by its record class, in catalogue order. */
	public static Map<Class<?>, Object> all() {
		return ALL;
	}

	private static Map<Class<?>, Object> build() {
		Map<Class<?>, Object> examples = new LinkedHashMap<>();
		bookingCommands(examples);
		appointmentEvents(examples);
		examples.put(ContactInquiryReceived.class,
				new ContactInquiryReceived(InquiryId.of("c7e2a9d4-6b1f-4a83-9e5d-2f8b0c4a7d16"), LOCATION,
						"Jean-François Lavoie", "jf.lavoie@example.ca", "+16475550142", Language.FR,
						"Bonjour, acceptez-vous la facturation directe avec Desjardins pour la physiothérapie ?",
						Instant.parse("2026-11-30T14:12:09Z")));
		dueNotices(examples);
		patientReplies(examples);
		notificationOutcomes(examples);
		return Collections.unmodifiableMap(examples);
	}

	private static void bookingCommands(Map<Class<?>, Object> examples) {
		examples.put(BookAppointment.class, new BookAppointment(REQUEST, LOCATION, DEEP_TISSUE_60, MAYA_CHEN,
				LocalDateTime.parse("2026-12-01T10:00:00"), ENGLISH_PATIENT,
				"Tight shoulders after a long week at the desk; prefers firm pressure.",
				new DirectBilling("Sun Life", "SL-4482-0917"), BookingChannel.ONLINE, EST, Screening.RED_FLAGS));
		examples.put(CancelAppointment.class,
				new CancelAppointment(CommandId.of("5b9e7c2a-1d4f-4c6b-8a3e-9f0d2b7c1e45"), LOCATION, APPOINTMENT_ID,
						"Called in sick this morning", Author.PATIENT));
		examples.put(RescheduleAppointment.class,
				new RescheduleAppointment(CommandId.of("e4c1a7b9-3f2d-4b8e-a6c0-7d5f9b1e2a83"), LOCATION,
						APPOINTMENT_ID, LocalDateTime.parse("2026-12-03T16:30:00"), DANIEL_OKAFOR, Author.PATIENT,
						EST));
		examples.put(MarkCompleted.class,
				new MarkCompleted(CommandId.of("9d3f5b1c-7a2e-4f0d-b8c6-1e4a7c9b3d52"), LOCATION, APPOINTMENT_ID,
						"Heat on the upper back twice a day; doorway chest stretch, 3 x 30 seconds each side.",
						Author.frontDesk("amira")));
		examples.put(MarkNoShow.class, new MarkNoShow(CommandId.of("2a7c9e1b-5f3d-4a6c-9b8e-0d1f3a5c7e29"), LOCATION,
				APPOINTMENT_ID, Author.frontDesk("amira")));
		examples.put(JoinWaitlist.class, JOIN_WAITLIST);
		examples.put(ClaimWaitlistOffer.class,
				new ClaimWaitlistOffer(CommandId.of("a8f3d1c7-4e2b-4b9a-9d5f-6c1e0a3b7f82"), LOCATION,
						WAITLIST_OFFER.offer(), Author.PATIENT));
	}

	private static void appointmentEvents(Map<Class<?>, Object> examples) {
		examples.put(AppointmentConfirmed.class, new AppointmentConfirmed(REQUEST, SCREENED_APPOINTMENT));
		examples.put(AppointmentDeclined.class,
				new AppointmentDeclined(RequestId.of("6e0b3d8f-4a1c-4f7e-8d2b-5c9a1e3f7b60"), LOCATION,
						PHYSIO_INITIAL_45, SOPHIE_GAGNON, LocalDateTime.parse("2026-12-02T18:00:00"), ZONE,
						FRENCH_PATIENT, DeclineReason.SLOT_TAKEN,
						List.of(new Slot(Instant.parse("2026-12-02T21:45:00Z"), Instant.parse("2026-12-02T22:30:00Z"),
								SOPHIE_GAGNON, "Sophie Gagnon"),
								new Slot(Instant.parse("2026-12-03T14:00:00Z"), Instant.parse("2026-12-03T14:45:00Z"),
										SOPHIE_GAGNON, "Sophie Gagnon"),
								new Slot(Instant.parse("2026-12-03T21:00:00Z"), Instant.parse("2026-12-03T21:45:00Z"),
										SOPHIE_GAGNON, "Sophie Gagnon")),
						EST));
		examples.put(AppointmentCancelled.class,
				new AppointmentCancelled(CommandId.of("5b9e7c2a-1d4f-4c6b-8a3e-9f0d2b7c1e45"), APPOINTMENT,
						"Called in sick this morning", true, Author.frontDesk("amira")));
		examples.put(AppointmentRescheduled.class,
				new AppointmentRescheduled(CommandId.of("e4c1a7b9-3f2d-4b8e-a6c0-7d5f9b1e2a83"),
						new Appointment(APPOINTMENT_ID, LOCATION, DEEP_TISSUE_60, DANIEL_OKAFOR, "Daniel Okafor",
								Instant.parse("2026-12-03T21:30:00Z"), Instant.parse("2026-12-03T22:30:00Z"), ZONE,
								ENGLISH_PATIENT, APPOINTMENT.notes(), 1),
						APPOINTMENT.start(), MAYA_CHEN, Author.PATIENT));
		examples.put(RescheduleDeclined.class,
				new RescheduleDeclined(CommandId.of("f1b8d2c6-9e4a-4d3b-a7f0-6c2e8b5d1a94"), APPOINTMENT,
						LocalDateTime.parse("2026-12-06T11:00:00"), DeclineReason.OUTSIDE_HOURS,
						List.of(new Slot(Instant.parse("2026-12-05T15:00:00Z"), Instant.parse("2026-12-05T16:00:00Z"),
								MAYA_CHEN, "Maya Chen")),
						EST));
		examples.put(AppointmentCompleted.class,
				new AppointmentCompleted(CommandId.of("9d3f5b1c-7a2e-4f0d-b8c6-1e4a7c9b3d52"), APPOINTMENT,
						"Heat on the upper back twice a day; doorway chest stretch, 3 x 30 seconds each side.",
						Author.frontDesk("amira")));
		examples.put(AppointmentNoShow.class, new AppointmentNoShow(
				CommandId.of("2a7c9e1b-5f3d-4a6c-9b8e-0d1f3a5c7e29"), FRENCH_APPOINTMENT, Author.frontDesk("amira")));
		examples.put(CommandRejected.class,
				new CommandRejected(CommandId.of("b3e6f9a2-8c1d-4e5f-9a7b-4d0c6e2f8a17"), APPOINTMENT_ID,
						"RescheduleAppointment", CommandRejected.Reason.ALREADY_CANCELLED,
						"Appointment 3f2b8c1e-5d4a-4e7b-9c1f-2a6d8e0b4c71 was cancelled on 30 November; "
								+ "book a new appointment instead."));
	}

	private static void dueNotices(Map<Class<?>, Object> examples) {
		examples.put(ReminderDue.class, new ReminderDue(APPOINTMENT, "sms-2h", Channel.SMS,
				Instant.parse("2026-12-01T13:00:00Z"), Instant.parse("2026-12-01T13:00:00.412Z")));
		examples.put(ThankYouDue.class,
				new ThankYouDue(APPOINTMENT,
						"Heat on the upper back twice a day; doorway chest stretch, 3 x 30 seconds each side.",
						Instant.parse("2026-12-01T18:00:00Z"), Instant.parse("2026-12-01T18:00:01.027Z")));
		examples.put(FollowUpDue.class, new FollowUpDue(APPOINTMENT, true, Instant.parse("2026-12-15T15:00:00Z"),
				Instant.parse("2026-12-15T15:00:00.730Z")));
	}

	private static void patientReplies(Map<Class<?>, Object> examples) {
		PatientContact elodie = new PatientContact(FRENCH_PATIENT.mobilePhone());
		PatientContact olivia = new PatientContact(ENGLISH_PATIENT.mobilePhone());
		examples.put(OptedOut.class, new OptedOut(elodie, Channel.SMS, "ARRET", ReplySource.SMS_KEYWORD,
				Instant.parse("2026-12-02T23:41:17Z")));
		examples.put(OptedIn.class, new OptedIn(elodie, Channel.SMS, "START", ReplySource.SMS_KEYWORD,
				Instant.parse("2026-12-09T12:05:33Z")));
		examples.put(AttendanceConfirmed.class, new AttendanceConfirmed(olivia, Instant.parse("2026-12-01T13:04:51Z")));
		examples.put(HelpRequested.class, new HelpRequested(elodie, "AIDE", Instant.parse("2026-12-02T23:39:02Z")));
		examples.put(FreeTextReply.class, new FreeTextReply(olivia, "Running 10 min late, sorry! Still OK to come?",
				Instant.parse("2026-12-01T14:52:40Z")));
		examples.put(FeedbackAnswered.class, new FeedbackAnswered(olivia, APPOINTMENT_ID, 5, FEEDBACK_COMMENT,
				Instant.parse("2026-12-01T19:12:40Z")));
		examples.put(SessionFeedback.class, new SessionFeedback(APPOINTMENT, 5, FEEDBACK_COMMENT, FeedbackSource.LINK,
				Instant.parse("2026-12-01T19:12:40Z")));
	}

	private static void notificationOutcomes(Map<Class<?>, Object> examples) {
		NotificationId confirmationEmail = new NotificationId(
				"0b6f2e8a-4d1c-4a9e-8f3b-7c5d1a2e9b04:confirmation:email");
		NotificationId reminderSms = new NotificationId("1c7a3f9b-5e2d-4b0f-9a4c-8d6e2b3f0c15:reminder:sms");
		examples.put(NotificationSent.class,
				new NotificationSent(confirmationEmail, Channel.EMAIL, "confirmation", APPOINTMENT_ID,
						"<20261130142210.5c1e9a@mail.geminihealth.com>", 1, Instant.parse("2026-11-30T14:22:10Z")));
		examples.put(NotificationDelivered.class, new NotificationDelivered(reminderSms, Channel.SMS,
				"SM5f9c2b7e1a4d4e8b9c3f6a0d2e7b1c48", Instant.parse("2026-12-01T13:00:04Z")));
		examples.put(DeliveryReport.class,
				new DeliveryReport(new NotificationId("1c7a3f9b-5e2d-4b0f-9a4c-8d6e2b3f0c15:appointment-reminder:sms"),
						Channel.SMS, "SM5f9c2b7e1a4d4e8b9c3f6a0d2e7b1c48", DeliveryReport.Status.UNDELIVERED, "30003",
						Instant.parse("2026-12-01T13:00:09Z")));
		examples.put(NotificationFailed.class,
				new NotificationFailed(new NotificationId("2d8b4a0c-6f3e-4c1a-8b5d-9e7f3c4a1d26:reminder:email"),
						Channel.EMAIL, "reminder", FRENCH_APPOINTMENT.appointmentId(),
						"The recipient's mail server says the mailbox does not exist", "550 5.1.1", true, 1,
						Instant.parse("2026-12-02T21:00:03Z")));
		examples.put(NotificationSuppressed.class,
				new NotificationSuppressed(new NotificationId("3e9c5b1d-7a4f-4d2b-9c6e-0f8a4d5b2e37:reminder:sms"),
						Channel.SMS, "reminder", FRENCH_APPOINTMENT.appointmentId(),
						NotificationSuppressed.Reason.OPTED_OUT, Instant.parse("2026-12-03T19:00:00Z")));
		examples.put(IdempotencyKeyClaimed.class,
				new IdempotencyKeyClaimed(REQUEST,
						new Digest("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"),
						Instant.parse("2026-12-02T15:00:00Z")));
		examples.put(DestinationUsed.class,
				new DestinationUsed(REQUEST.uuid(), Channel.SMS, Instant.parse("2026-12-01T15:00:00Z")));
		examples.put(AppointmentState.class, new AppointmentState(FRENCH_APPOINTMENT, AppointmentStatus.NO_SHOW,
				Instant.parse("2026-12-03T22:05:00Z")));
		examples.put(PatientPreferences.class, new PatientPreferences(new PatientContact("+15145550187"),
				List.of(Channel.SMS), Language.FR, Instant.parse("2026-12-02T23:41:17Z")));
		examples.put(FrontDeskMarked.class, new FrontDeskMarked("follow-up", FRENCH_APPOINTMENT.appointmentId().value(),
				"called", "amira", Instant.parse("2026-12-04T14:20:00Z")));
		examples.put(ScheduleChanged.class,
				new ScheduleChanged(new PractitionerId("maya-chen"), LocalDate.of(2026, 12, 28),
						ScheduleChanged.Kind.BREAK, null, LocalTime.of(12, 30), LocalTime.of(13, 15), "amira",
						Instant.parse("2026-12-04T14:20:00Z")));
		examples.put(ErasureRequested.class, new ErasureRequested(ErasureId.of("c4e8a2f1-6b3d-4f9a-8e2c-1d7b5a9f3e60"),
				FRENCH_PATIENT.email(), FRENCH_PATIENT.mobilePhone(), "ops", Instant.parse("2026-12-04T16:00:00Z")));
		examples.put(TreatmentPlan.class, treatmentPlan());
		waitlistEvents(examples);
	}

	/**
	 * Élodie joins the waitlist, is offered a slot freed on the morning of 1 December,
	 * and claims it seven minutes later.
	 */
	private static void waitlistEvents(Map<Class<?>, Object> examples) {
		Instant claimedAt = Instant.parse("2026-12-01T14:09:30Z");
		examples.put(WaitlistJoined.class,
				WaitlistJoined.of(JOIN_WAITLIST, ZONE, Instant.parse("2026-11-30T20:15:42Z")));
		examples.put(WaitlistOffered.class, WAITLIST_OFFER);
		examples.put(WaitlistOfferClosed.class,
				WaitlistOfferClosed.of(WAITLIST_OFFER, WaitlistOfferClosed.Outcome.CLAIMED, claimedAt));
		examples.put(WaitlistLeft.class,
				new WaitlistLeft(JOIN_WAITLIST.entryId(), WaitlistLeft.Reason.BOOKED, claimedAt));
	}

	/**
	 * Sophie's plan for Élodie after her assessment: six sessions a week apart, then
	 * adjusted to ten days apart.
	 */
	private static TreatmentPlan treatmentPlan() {
		PlanTerms weekly = new PlanTerms(PHYSIO_FOLLOW_UP_30, 6, 7,
				"Épaule droite : mobilité et renforcement de la coiffe",
				"Pendule 2 x 10 le matin et le soir ; glace 15 minutes après l'effort.", LocalDate.parse("2027-01-14"));
		return TreatmentPlan
			.recorded(PlanId.of("5d2e8f14-3b7a-4c69-9e0d-a1f6b3c8d247"), FRENCH_PATIENT, LOCATION, SOPHIE_GAGNON,
					"Sophie Gagnon", FRENCH_APPOINTMENT.appointmentId(), weekly, Author.frontDesk("sophie"),
					Instant.parse("2026-12-03T22:00:00Z"))
			.adjusted(new PlanTerms(PHYSIO_FOLLOW_UP_30, 6, 10, weekly.focus(), weekly.homeCareAdvice(),
					weekly.reviewDate()), Author.frontDesk("amira"), Instant.parse("2026-12-04T15:10:00Z"));
	}

}
