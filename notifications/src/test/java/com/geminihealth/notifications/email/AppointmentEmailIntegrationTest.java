package com.geminihealth.notifications.email;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import net.fortuna.ical4j.model.component.VEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.geminihealth.notifications.NotificationsApplication;
import com.geminihealth.platform.test.TopicRecords;
import com.geminihealth.schemas.DeadLetters;
import com.geminihealth.schemas.Examples;
import com.geminihealth.schemas.Topics;
import com.geminihealth.schemas.appointment.Appointment;
import com.geminihealth.schemas.appointment.AppointmentCancelled;
import com.geminihealth.schemas.appointment.AppointmentConfirmed;
import com.geminihealth.schemas.appointment.AppointmentRescheduled;
import com.geminihealth.schemas.appointment.AppointmentState;
import com.geminihealth.schemas.appointment.AppointmentStatus;
import com.geminihealth.schemas.appointment.Slot;
import com.geminihealth.schemas.booking.CommandId;
import com.geminihealth.schemas.inquiry.ContactInquiryReceived;
import com.geminihealth.schemas.inquiry.InquiryId;
import com.geminihealth.schemas.appointment.AppointmentDeclined;
import com.geminihealth.schemas.appointment.AppointmentEvent;
import com.geminihealth.schemas.booking.AppointmentId;
import com.geminihealth.schemas.booking.Consent;
import com.geminihealth.schemas.booking.Language;
import com.geminihealth.schemas.booking.Patient;
import com.geminihealth.schemas.booking.RequestId;
import com.geminihealth.schemas.link.ManageTokens;
import com.geminihealth.schemas.notification.NotificationOutcome;
import com.geminihealth.schemas.notification.NotificationSent;
import com.geminihealth.schemas.notification.NotificationSuppressed;
import com.geminihealth.schemas.reminder.Channel;
import com.geminihealth.schemas.reminder.DueNotice;
import com.geminihealth.schemas.reminder.FollowUpDue;
import com.geminihealth.schemas.reminder.ReminderDue;
import com.geminihealth.schemas.reminder.ThankYouDue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Decisions on the broker become emails at a real SMTP server (GreenMail). */
@SpringBootTest(properties = { "spring.config.name=" + NotificationsApplication.CONFIG_NAME,
		"spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}", "spring.mail.host=localhost",
		"logging.structured.format.console=" })
class AppointmentEmailIntegrationTest {

	@RegisterExtension
	static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
		.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication())
		.withPerMethodLifecycle(false);

	@DynamicPropertySource
	static void mailServer(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
	}

	/** The intake's manage page and a token, as the test configuration sets them. */
	static final Pattern MANAGE_LINK = Pattern.compile("http://localhost:8080/m/([A-Za-z0-9_-]{44})");

	/** The intake's feedback page and a token, as the test configuration sets them. */
	static final Pattern FEEDBACK_LINK = Pattern.compile("http://localhost:8080/feedback/([A-Za-z0-9_-]{44})");

	@Value("${spring.embedded.kafka.brokers}")
	String brokers;

	@Value("${pipeline.manage-links.secret}")
	String secret;

	@Test
	void emailsAConfirmationWithACalendarInvitation() throws Exception {
		String to = "confirmed-" + UUID.randomUUID() + "@example.com";
		AppointmentConfirmed confirmed = confirmedFor(to, Language.EN);

		publish(confirmed, UUID.randomUUID().toString());

		MimeMessage email = awaitEmailTo(to);
		assertThat(email.getSubject()).isEqualTo("Your appointment is confirmed");
		assertThat(email.getFrom()[0].toString()).isEqualTo("appointments@geminihealth.example");
		List<BodyPart> parts = parts(email);
		assertThat(text(parts, "text/plain")).contains("Hello Olivia,")
			.contains("with " + confirmed.appointment().practitionerName())
			.contains("Gemini Health Burlington");
		assertThat(text(parts, "text/html")).contains("<strong>" + confirmed.appointment().practitionerName());
		String token = manageToken(text(parts, "text/plain"));
		assertThat(new ManageTokens(this.secret).opens(token, confirmed.appointmentId(), 0)).isTrue();
		assertThat(text(parts, "text/plain")).contains("Change, cancel or confirm: http://localhost:8080/m/" + token)
			.contains("Or call us at +1 289-234-8001.");
		assertThat(text(parts, "text/html")).contains(
				"<a href=\"http://localhost:8080/m/" + token + "\">Change, cancel or confirm your appointment</a>");
		String invite = text(parts, "text/calendar");
		VEvent event = Invitations.parse(invite);
		assertThat(Invitations.method(invite)).isEqualTo("REQUEST");
		assertThat(event.getRequiredProperty("UID").getValue())
			.isEqualTo(confirmed.appointmentId().value() + "@geminihealth.com");
		assertThat(event.getRequiredProperty("SEQUENCE").getValue()).isEqualTo("0");
		assertThat(event.getRequiredProperty("ATTENDEE").getValue()).isEqualTo("mailto:" + to);
		assertThat(event.getRequiredProperty("ORGANIZER").getValue())
			.isEqualTo("mailto:appointments@geminihealth.example");
		assertThat(event.getRequiredProperty("URL").getValue()).isEqualTo("http://localhost:8080/m/" + token);
		assertThat(parts.stream().map(this::contentType)).anyMatch((type) -> type.contains("method=REQUEST"));
	}

	@Test
	void updatesTheInvitationWhenTheAppointmentMovesAndCancelsItWhenCancelled() throws Exception {
		String to = "moved-" + UUID.randomUUID() + "@example.com";
		Appointment booked = confirmedFor(to, Language.EN).appointment();
		Appointment moved = new Appointment(booked.appointmentId(), booked.location(), booked.service(),
				booked.practitioner(), booked.practitionerName(), booked.start().plusSeconds(3600),
				booked.end().plusSeconds(3600), booked.zone(), booked.patient(), null, 1);

		publish(new AppointmentRescheduled(CommandId.random(), moved, booked.start(), booked.practitioner()),
				UUID.randomUUID().toString());
		MimeMessage movedEmail = awaitEmailTo(to, "Your appointment has moved");
		publish(new AppointmentCancelled(CommandId.random(), moved, null), UUID.randomUUID().toString());
		MimeMessage cancelledEmail = awaitEmailTo(to, "Your appointment is cancelled");

		String uid = booked.appointmentId().value() + "@geminihealth.com";
		String movedInvite = text(parts(movedEmail), "text/calendar");
		VEvent movedEvent = Invitations.parse(movedInvite);
		assertThat(Invitations.method(movedInvite)).isEqualTo("REQUEST");
		assertThat(movedEvent.getRequiredProperty("UID").getValue()).isEqualTo(uid);
		assertThat(movedEvent.getRequiredProperty("SEQUENCE").getValue()).isEqualTo("1");
		String cancelledInvite = text(parts(cancelledEmail), "text/calendar");
		VEvent cancelledEvent = Invitations.parse(cancelledInvite);
		assertThat(Invitations.method(cancelledInvite)).isEqualTo("CANCEL");
		assertThat(cancelledEvent.getRequiredProperty("UID").getValue()).isEqualTo(uid);
		assertThat(cancelledEvent.getRequiredProperty("STATUS").getValue()).isEqualTo("CANCELLED");
		assertThat(text(parts(cancelledEmail), "text/plain")).contains("is cancelled").doesNotContain("/m/");
		// The link sent before the move no longer opens it; the new one does, from the
		// email and from the calendar.
		String token = manageToken(text(parts(movedEmail), "text/plain"));
		assertThat(movedEvent.getRequiredProperty("URL").getValue()).isEqualTo("http://localhost:8080/m/" + token);
		ManageTokens tokens = new ManageTokens(this.secret);
		assertThat(tokens.opens(token, booked.appointmentId(), 1)).isTrue();
		assertThat(tokens.opens(token, booked.appointmentId(), 0)).isFalse();
	}

	@Test
	void givesAFrenchPatientTheLinkInFrench() throws Exception {
		String to = "fr-" + UUID.randomUUID() + "@example.com";
		AppointmentConfirmed confirmed = confirmedFor(to, Language.FR);

		publish(confirmed, UUID.randomUUID().toString());

		List<BodyPart> parts = parts(awaitEmailTo(to, "Votre rendez-vous est confirmé"));
		String token = manageToken(text(parts, "text/plain"));
		assertThat(text(parts, "text/plain"))
			.contains("Modifier, annuler ou confirmer : http://localhost:8080/m/" + token)
			.contains("Ou appelez-nous au +1 289-234-8001.");
		assertThat(text(parts, "text/html")).contains(">Modifier, annuler ou confirmer votre rendez-vous</a>");
		assertThat(new ManageTokens(this.secret).opens(token, confirmed.appointmentId(), 0)).isTrue();
	}

	@Test
	void sendsARedeliveredDecisionOnceAndSaysSo() throws Exception {
		String to = "twice-" + UUID.randomUUID() + "@example.com";
		AppointmentConfirmed confirmed = confirmedFor(to, Language.EN);
		String eventId = UUID.randomUUID().toString();

		publish(confirmed, eventId);
		awaitEmailTo(to);
		publish(confirmed, eventId);

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(outcomesFor(confirmed.appointmentId()))
				.anySatisfy((outcome) -> assertThat(outcome).isInstanceOf(NotificationSuppressed.class)));
		assertThat(outcomesFor(confirmed.appointmentId())).filteredOn(NotificationSent.class::isInstance).hasSize(1);
		assertThat(Arrays.stream(smtp.getReceivedMessages()).filter((message) -> recipient(message).equals(to)))
			.hasSize(1);
	}

	@Test
	void emailsADeclineInFrenchWithLinksToTheAlternatives() throws Exception {
		String to = "declined-" + UUID.randomUUID() + "@example.com";
		AppointmentDeclined example = Examples.of(AppointmentDeclined.class);
		Patient patient = new Patient("Élodie Tremblay", to, null, Language.FR, null);
		AppointmentDeclined declined = new AppointmentDeclined(RequestId.random(), example.location(),
				example.service(), example.practitioner(), example.requestedStart(), example.zone(), patient,
				example.reason(), example.alternatives());

		publish(declined, UUID.randomUUID().toString());

		MimeMessage email = awaitEmailTo(to);
		assertThat(email.getSubject()).isEqualTo("Nous n'avons pas pu réserver ce créneau");
		String text = text(parts(email), "text/plain");
		assertThat(text).contains("Bonjour Élodie,").contains("http://localhost:8080/book?location=");
		assertThat(declined.alternatives()).isNotEmpty();
		assertThat(text).contains(declined.alternatives().get(0).practitionerName());
	}

	@Test
	void listsTheAlternativesInTheOrderOfTheDay() throws Exception {
		String to = "alternatives-" + UUID.randomUUID() + "@example.com";
		AppointmentDeclined example = Examples.of(AppointmentDeclined.class);
		Slot offered = example.alternatives().get(0);
		List<Slot> nearestFirst = List.of(shifted(offered, 15), shifted(offered, -15), shifted(offered, 30));
		AppointmentDeclined declined = new AppointmentDeclined(RequestId.random(), example.location(),
				example.service(), example.practitioner(), example.requestedStart(), example.zone(),
				new Patient("Ada Lovelace", to, null, Language.EN, null), example.reason(), nearestFirst);

		publish(declined, UUID.randomUUID().toString());

		String text = text(parts(awaitEmailTo(to)), "text/plain");
		List<Integer> positions = nearestFirst.stream()
			.map((slot) -> text.indexOf("start=" + LocalDateTime.ofInstant(slot.start(), example.zone())))
			.toList();
		assertThat(positions).allMatch((position) -> position > 0);
		assertThat(positions.get(1)).isLessThan(positions.get(0));
		assertThat(positions.get(0)).isLessThan(positions.get(2));
	}

	@Test
	void namesTheOccurrenceOfATimeTheClocksRepeatInTheAlternativesLink() throws Exception {
		String to = "fall-back-" + UUID.randomUUID() + "@example.com";
		AppointmentDeclined example = Examples.of(AppointmentDeclined.class);
		ZoneId toronto = ZoneId.of("America/Toronto");
		// 01:30 on 7 November 2027 comes twice: at -04:00, then at -05:00.
		Instant secondOccurrence = OffsetDateTime.parse("2027-11-07T01:30-05:00").toInstant();
		Slot offered = new Slot(secondOccurrence, secondOccurrence.plus(Duration.ofHours(1)),
				example.alternatives().get(0).practitioner(), example.alternatives().get(0).practitionerName());
		AppointmentDeclined declined = new AppointmentDeclined(RequestId.random(), example.location(),
				example.service(), example.practitioner(), example.requestedStart(), toronto,
				new Patient("Ada Lovelace", to, null, Language.EN, null), example.reason(), List.of(offered));

		publish(declined, UUID.randomUUID().toString());

		String text = text(parts(awaitEmailTo(to)), "text/plain");
		assertThat(text).contains("start=2027-11-07T01:30&offset=-05:00").contains("(UTC-05:00)");
	}

	private static Slot shifted(Slot slot, int minutes) {
		Duration by = Duration.ofMinutes(minutes);
		return new Slot(slot.start().plus(by), slot.end().plus(by), slot.practitioner(), slot.practitionerName());
	}

	@Test
	void deadLettersAnUnreadableDecisionWithTheReasonAndKeepsEmailing() throws Exception {
		String badKey = AppointmentId.random().value();
		RecordHeaders headers = new RecordHeaders();
		headers.add("ce_type", "com.geminihealth.appointment.AppointmentConfirmed.v1".getBytes(StandardCharsets.UTF_8));
		try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.brokers), new ByteArraySerializer(),
				new ByteArraySerializer())) {
			producer
				.send(new ProducerRecord<>(Topics.APPOINTMENTS.name(), null, badKey.getBytes(StandardCharsets.UTF_8),
						"{not json".getBytes(StandardCharsets.UTF_8), headers))
				.get();
		}
		String to = "after-poison-" + UUID.randomUUID() + "@example.com";
		AppointmentConfirmed next = confirmedFor(to, Language.EN);

		publish(next, UUID.randomUUID().toString());

		awaitEmailTo(to);
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(TopicRecords.read(this.brokers, Topics.NOTIFICATIONS_DEAD_LETTERS))
				.anySatisfy((letter) -> {
					assertThat(new String(letter.key(), StandardCharsets.UTF_8)).isEqualTo(badKey);
					assertThat(new String(letter.value(), StandardCharsets.UTF_8)).isEqualTo("{not json");
					assertThat(header(letter, DeadLetters.SOURCE_TOPIC)).isEqualTo("appointments");
					assertThat(header(letter, DeadLetters.REASON)).contains("could not be read");
				}));
	}

	private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
		return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
	}

	@Test
	void acknowledgesAContactFormInquiry() throws Exception {
		String to = "inquiry-" + UUID.randomUUID() + "@example.com";
		ContactInquiryReceived inquiry = new ContactInquiryReceived(InquiryId.random(), null, "Sam Lee", to, null,
				Language.EN, "Do you direct-bill Manulife?", java.time.Instant.now());
		Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.brokers);
		try (KafkaProducer<InquiryId, ContactInquiryReceived> producer = new KafkaProducer<>(config,
				Topics.CONTACT_INQUIRIES.keySerde().serializer(), Topics.CONTACT_INQUIRIES.valueSerde().serializer())) {
			producer.send(new ProducerRecord<>(Topics.CONTACT_INQUIRIES.name(), inquiry.inquiryId(), inquiry)).get();
		}

		MimeMessage email = awaitEmailTo(to);
		assertThat(email.getSubject()).isEqualTo("We received your message");
		assertThat(text(parts(email), "text/plain")).contains("Hello Sam,").contains("+1 289-234-8001");
		assertThat(text(parts(email), "text/plain")).doesNotContain("Manulife");
	}

	@Test
	void writesNothingToAnErasedPatientsPlaceholder() throws Exception {
		AppointmentConfirmed erased = confirmedFor(Patient.ERASED_EMAIL, Language.EN);
		String to = "after-erased-" + UUID.randomUUID() + "@example.com";

		publish(erased, UUID.randomUUID().toString());
		publish(confirmedFor(to, Language.EN), UUID.randomUUID().toString());

		awaitEmailTo(to);
		assertThat(emailsTo(Patient.ERASED_EMAIL)).isZero();
	}

	@Test
	void passesOverTheTombstonesAnErasureLeavesAndKeepsSending() throws Exception {
		String to = "after-tombstones-" + UUID.randomUUID() + "@example.com";
		Appointment appointment = confirmedFor(to, Language.EN).appointment();
		Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.brokers);
		try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config, new ByteArraySerializer(),
				new ByteArraySerializer())) {
			for (String topic : List.of(Topics.DUE_NOTICES.name(), Topics.CONTACT_INQUIRIES.name())) {
				producer.send(new ProducerRecord<>(topic, 0, appointment.appointmentId().value().getBytes(), null))
					.get();
			}
		}
		Instant now = Instant.now();

		publish(new ReminderDue(appointment, "email-24h", Channel.EMAIL, now, now));

		awaitEmailTo(to, "Reminder: your appointment is coming up");
		// A tombstone is nothing to send, not a failure to retry or dead-letter.
		for (String failures : List.of(Topics.NOTIFICATIONS_RETRIES.name(), Topics.NOTIFICATIONS_DEAD_LETTERS.name())) {
			assertThat(TopicRecords.raw(this.brokers, failures)).as(failures)
				.noneMatch((record) -> record.key() != null
						&& new String(record.key()).equals(appointment.appointmentId().value()));
		}
	}

	@Test
	void remindsThanksWithTheAdviceAndNudgesWithAnUnsubscribeLink() throws Exception {
		String to = "due-" + UUID.randomUUID() + "@example.com";
		Appointment appointment = confirmedFor(to, Language.EN).appointment();
		Instant now = Instant.now();

		publish(new ReminderDue(appointment, "email-24h", Channel.EMAIL, now, now));
		publish(new ThankYouDue(appointment, "Stretch your neck twice a day.\nIce for 10 minutes.", now, now));
		publish(new FollowUpDue(appointment, true, now, now));

		MimeMessage reminder = awaitEmailTo(to, "Reminder: your appointment is coming up");
		assertThat(text(parts(reminder), "text/plain")).contains("A reminder of your appointment with Maya Chen");
		assertThat(new ManageTokens(this.secret).opens(manageToken(text(parts(reminder), "text/plain")),
				appointment.appointmentId(), appointment.sequence()))
			.isTrue();
		assertThat(reminder.getHeader("List-Unsubscribe")).isNull();
		MimeMessage thanks = awaitEmailTo(to, "Thank you for your visit");
		assertThat(text(parts(thanks), "text/plain")).contains("- Stretch your neck twice a day.")
			.contains("- Ice for 10 minutes.")
			.doesNotContain("How was your session")
			.doesNotContain("/feedback/");
		assertThat(text(parts(thanks), "text/html")).contains("<li>Ice for 10 minutes.</li>")
			.doesNotContain("/feedback/");
		MimeMessage nudge = awaitEmailTo(to, "Time to book your next visit");
		assertThat(text(parts(nudge), "text/plain")).contains("location=burlington");
		assertThat(nudge.getHeader("List-Unsubscribe"))
			.containsExactly("<mailto:appointments@geminihealth.example?subject=unsubscribe>");
	}

	@Test
	void asksHowTheSessionWentInTheThankYouOfAPatientWhoAgreedAndCannotBeTexted() throws Exception {
		String to = "feedback-" + UUID.randomUUID() + "@example.com";
		Appointment booked = confirmedFor(to, Language.EN).appointment();
		Instant end = Instant.now().minus(Duration.ofMinutes(10));
		Appointment session = new Appointment(booked.appointmentId(), booked.location(), booked.service(),
				booked.practitioner(), booked.practitionerName(), end.minus(Duration.ofHours(1)), end, booked.zone(),
				new Patient("Olivia Martin", to, null, Language.EN, new Consent(false, false, true)), null, 0);

		publish(new ThankYouDue(session, "Stretch your neck twice a day.", end, end));

		List<BodyPart> parts = parts(awaitEmailTo(to, "Thank you for your visit"));
		Matcher link = FEEDBACK_LINK.matcher(text(parts, "text/plain"));
		assertThat(link.find()).as(text(parts, "text/plain")).isTrue();
		assertThat(new ManageTokens(this.secret).opensFeedback(link.group(1), session.appointmentId())).isTrue();
		assertThat(text(parts, "text/plain")).contains("How was your session? Tell us, from 1 (poor) to 5 (excellent)");
		assertThat(text(parts, "text/html")).contains("<a href=\"" + link.group() + "\"")
			.contains(">Rate your session</a>");
	}

	@Test
	void sendsNoNudgeWithoutConsent() throws Exception {
		String to = "no-nudge-" + UUID.randomUUID() + "@example.com";
		Appointment appointment = confirmedFor(to, Language.EN).appointment();
		Instant now = Instant.now();

		publish(new FollowUpDue(appointment, false, now, now));
		publish(new ReminderDue(appointment, "email-24h", Channel.EMAIL, now, now));

		// Notices are handled in order on the appointment's partition: once the
		// reminder is in, the nudge was not sent.
		awaitEmailTo(to, "Reminder: your appointment is coming up");
		assertThat(Arrays.stream(smtp.getReceivedMessages()).filter((message) -> to.equals(recipient(message))))
			.hasSize(1);
	}

	@Test
	void remindsOfNothingForAnAppointmentCancelledAfterItsReminderWasFoundDue() throws Exception {
		String to = "cancelled-" + UUID.randomUUID() + "@example.com";
		Appointment appointment = confirmedFor(to, Language.EN).appointment();
		Instant now = Instant.now();
		stands(appointment, AppointmentStatus.CANCELLED);

		publish(new ReminderDue(appointment, "email-24h", Channel.EMAIL, now, now));

		awaitSuppressed(appointment, "appointment-reminder", NotificationSuppressed.Reason.APPOINTMENT_CANCELLED);
		assertThat(emailsTo(to)).isZero();
	}

	@Test
	void remindsOnlyOfTheNewTimeOfAnAppointmentThatMoved() throws Exception {
		String to = "moved-reminder-" + UUID.randomUUID() + "@example.com";
		Appointment booked = confirmedFor(to, Language.EN).appointment();
		Appointment moved = new Appointment(booked.appointmentId(), booked.location(), booked.service(),
				booked.practitioner(), booked.practitionerName(), booked.start().plusSeconds(7200),
				booked.end().plusSeconds(7200), booked.zone(), booked.patient(), null, 1);
		Instant now = Instant.now();
		stands(moved, AppointmentStatus.CONFIRMED);

		publish(new ReminderDue(booked, "email-24h", Channel.EMAIL, now, now));
		publish(new ReminderDue(moved, "email-24h", Channel.EMAIL, now, now));

		// In order on the appointment's partition: once the second is in, the first was
		// decided.
		MimeMessage reminder = awaitEmailTo(to, "Reminder: your appointment is coming up");
		assertThat(new ManageTokens(this.secret).opens(manageToken(text(parts(reminder), "text/plain")),
				moved.appointmentId(), 1))
			.isTrue();
		awaitSuppressed(booked, "appointment-reminder", NotificationSuppressed.Reason.APPOINTMENT_CHANGED);
		assertThat(emailsTo(to)).isEqualTo(1);
	}

	@Test
	void thanksNobodyWhoDidNotCome() throws Exception {
		String to = "no-show-" + UUID.randomUUID() + "@example.com";
		Appointment appointment = confirmedFor(to, Language.EN).appointment();
		Instant now = Instant.now();
		stands(appointment, AppointmentStatus.NO_SHOW);

		publish(new ThankYouDue(appointment, "Stretch.", now, now));
		publish(new FollowUpDue(appointment, true, now, now));

		awaitSuppressed(appointment, "thank-you", NotificationSuppressed.Reason.APPOINTMENT_CHANGED);
		awaitSuppressed(appointment, "follow-up-nudge", NotificationSuppressed.Reason.APPOINTMENT_CHANGED);
		assertThat(emailsTo(to)).isZero();
	}

	@Test
	void thanksAPatientWhoseSessionWasMarkedCompleted() throws Exception {
		String to = "completed-" + UUID.randomUUID() + "@example.com";
		Appointment appointment = confirmedFor(to, Language.EN).appointment();
		Instant now = Instant.now();
		stands(appointment, AppointmentStatus.COMPLETED);

		publish(new ThankYouDue(appointment, "Stretch.", now, now));

		awaitEmailTo(to, "Thank you for your visit");
	}

	/** Publishes the appointment's state as the decider would. */
	private void stands(Appointment appointment, AppointmentStatus status) throws Exception {
		try (KafkaProducer<AppointmentId, AppointmentState> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.brokers),
				Topics.APPOINTMENT_STATES.keySerde().serializer(),
				Topics.APPOINTMENT_STATES.valueSerde().serializer())) {
			producer
				.send(new ProducerRecord<>(Topics.APPOINTMENT_STATES.name(), appointment.appointmentId(),
						new AppointmentState(appointment, status, Instant.now())))
				.get();
		}
	}

	private void awaitSuppressed(Appointment appointment, String purpose, NotificationSuppressed.Reason reason) {
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(TopicRecords.values(this.brokers, Topics.NOTIFICATION_OUTCOMES))
				.anySatisfy((outcome) -> assertThat(outcome).isInstanceOfSatisfying(NotificationSuppressed.class,
						(suppressed) -> {
							assertThat(suppressed.appointmentId()).isEqualTo(appointment.appointmentId());
							assertThat(suppressed.purpose()).isEqualTo(purpose);
							assertThat(suppressed.reason()).isEqualTo(reason);
						})));
	}

	private long emailsTo(String to) {
		return Arrays.stream(smtp.getReceivedMessages()).filter((message) -> to.equals(recipient(message))).count();
	}

	private void publish(DueNotice notice) throws Exception {
		try (KafkaProducer<AppointmentId, DueNotice> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.brokers),
				Topics.DUE_NOTICES.keySerde().serializer(), Topics.DUE_NOTICES.valueSerde().serializer())) {
			producer.send(new ProducerRecord<>(Topics.DUE_NOTICES.name(), notice.appointmentId(), notice)).get();
		}
	}

	private AppointmentConfirmed confirmedFor(String to, Language language) {
		AppointmentConfirmed example = Examples.of(AppointmentConfirmed.class);
		Appointment a = example.appointment();
		Patient patient = new Patient("Olivia Martin", to, null, language, null);
		AppointmentId id = AppointmentId.random();
		return new AppointmentConfirmed(new RequestId(id.uuid()),
				new Appointment(id, new com.geminihealth.schemas.booking.LocationId("burlington"), a.service(),
						a.practitioner(), a.practitionerName(), a.start(), a.end(), a.zone(), patient, null, 0));
	}

	/** Publishes a decision as the decider would, with the given CloudEvents id. */
	private void publish(AppointmentEvent event, String eventId) throws Exception {
		RecordHeaders headers = new RecordHeaders();
		byte[] value = Topics.APPOINTMENTS.valueSerde()
			.serializer()
			.serialize(Topics.APPOINTMENTS.name(), headers, event);
		// The serializer writes a fresh ce_id; a redelivered record carries the same one.
		headers.remove("ce_id");
		headers.add("ce_id", eventId.getBytes(StandardCharsets.UTF_8));
		byte[] key = Topics.APPOINTMENTS.keySerde()
			.serializer()
			.serialize(Topics.APPOINTMENTS.name(), event.appointmentId());
		try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.brokers), new ByteArraySerializer(),
				new ByteArraySerializer())) {
			producer.send(new ProducerRecord<>(Topics.APPOINTMENTS.name(), null, key, value, headers)).get();
		}
	}

	private MimeMessage awaitEmailTo(String to) {
		return awaitEmailTo(to, "");
	}

	private MimeMessage awaitEmailTo(String to, String subject) {
		return await().atMost(Duration.ofSeconds(30))
			.until(() -> Arrays.stream(smtp.getReceivedMessages())
				.filter((message) -> recipient(message).equals(to) && subject(message).startsWith(subject))
				.findFirst()
				.orElse(null), (message) -> message != null);
	}

	/** The token of the one manage link in {@code text}. */
	private static String manageToken(String text) {
		Matcher link = MANAGE_LINK.matcher(text);
		assertThat(link.find()).as("a manage link in:%n%s", text).isTrue();
		return link.group(1);
	}

	private static String subject(MimeMessage message) {
		try {
			return message.getSubject();
		}
		catch (Exception ex) {
			return "";
		}
	}

	private List<NotificationOutcome> outcomesFor(AppointmentId appointment) {
		return TopicRecords.values(this.brokers, Topics.NOTIFICATION_OUTCOMES)
			.stream()
			.filter((outcome) -> outcome.notificationId().value().contains(":appointment-confirmed:")
					&& appointment.equals(outcome.appointmentId()))
			.toList();
	}

	private static String recipient(MimeMessage message) {
		try {
			return message.getAllRecipients()[0].toString();
		}
		catch (Exception ex) {
			return "";
		}
	}

	private List<BodyPart> parts(MimeMessage message) throws Exception {
		List<BodyPart> parts = new java.util.ArrayList<>();
		collect((Multipart) message.getContent(), parts);
		return parts;
	}

	private void collect(Multipart multipart, List<BodyPart> parts) throws Exception {
		for (int i = 0; i < multipart.getCount(); i++) {
			BodyPart part = multipart.getBodyPart(i);
			if (part.getContent() instanceof Multipart nested) {
				collect(nested, parts);
			}
			else {
				parts.add(part);
			}
		}
	}

	private String contentType(BodyPart part) {
		try {
			return part.getContentType();
		}
		catch (Exception ex) {
			return "";
		}
	}

	private String text(List<BodyPart> parts, String type) throws Exception {
		for (BodyPart part : parts) {
			if (part.isMimeType(type)) {
				return new String(part.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			}
		}
		throw new AssertionError("no " + type + " part");
	}

}
