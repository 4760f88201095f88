package com.geminihealth.notifications.sms;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.geminihealth.notifications.NotificationsApplication;
import com.geminihealth.notifications.delivery.NotificationDelivery;
import com.geminihealth.notifications.delivery.NotificationLedger;
import com.geminihealth.platform.test.TopicRecords;
import com.geminihealth.schemas.CloudEvents;
import com.geminihealth.schemas.Examples;
import com.geminihealth.schemas.Topics;
import com.geminihealth.schemas.appointment.Appointment;
import com.geminihealth.schemas.appointment.AppointmentConfirmed;
import com.geminihealth.schemas.appointment.AppointmentState;
import com.geminihealth.schemas.appointment.AppointmentStatus;
import com.geminihealth.schemas.booking.AppointmentId;
import com.geminihealth.schemas.booking.Consent;
import com.geminihealth.schemas.booking.Language;
import com.geminihealth.schemas.booking.LocationId;
import com.geminihealth.schemas.booking.Patient;
import com.geminihealth.schemas.booking.RequestId;
import com.geminihealth.schemas.link.ManageTokens;
import com.geminihealth.schemas.notification.DeliveryReport;
import com.geminihealth.schemas.notification.NotificationDelivered;
import com.geminihealth.schemas.notification.NotificationFailed;
import com.geminihealth.schemas.notification.NotificationId;
import com.geminihealth.schemas.notification.NotificationOutcome;
import com.geminihealth.schemas.notification.NotificationSent;
import com.geminihealth.schemas.notification.NotificationSuppressed;
import com.geminihealth.schemas.patient.PatientContact;
import com.geminihealth.schemas.patient.OptedOut;
import com.geminihealth.schemas.patient.PatientPreferences;
import com.geminihealth.schemas.patient.PatientReply;
import com.geminihealth.schemas.patient.ReplySource;
import com.geminihealth.schemas.reminder.Channel;
import com.geminihealth.schemas.reminder.DueNotice;
import com.geminihealth.schemas.reminder.ReminderDue;
import com.geminihealth.schemas.reminder.ThankYouDue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The real Twilio SDK, pointed at a local HTTP stub of Twilio's Messages API. */
@SpringBootTest(properties = { "spring.config.name=" + NotificationsApplication.CONFIG_NAME,
		"spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}", "logging.structured.format.console=",
		"notifications.sms.account-sid=AC00000000000000000000000000000001", "notifications.sms.auth-token=secret-token",
		"notifications.sms.messaging-service-sid=MG00000000000000000000000000000001",
		"notifications.sms.status-callback-url=https://intake.example/twilio/status",
		"notifications.retry.first-delay=200ms", "notifications.retry.max-delay=1s", "notifications.retry.attempts=5",
		"notifications.retry.recheck=1s", "notifications.sms.messages-per-second=20",
		"notifications.sms.response-timeout=1s" })
@Import(Daytime.class)
class TwilioSmsIntegrationTest {

	static final ZoneId TORONTO = ZoneId.of("America/Toronto");

	/** Appointments still to come: their messages are worth retrying. */
	static final Instant NEXT_WEEK = Instant.now().plus(Duration.ofDays(7)).truncatedTo(ChronoUnit.HOURS);

	static final String OPTED_OUT_NUMBER = TwilioStub.OPTED_OUT_NUMBER;

	static final String OUTAGE_NUMBER = TwilioStub.OUTAGE_NUMBER;

	static final String FLAKY_NUMBER = TwilioStub.FLAKY_NUMBER;

	static final TwilioStub twilio = new TwilioStub();

	static final List<Map<String, String>> requests = twilio.requests();

	@Value("${spring.embedded.kafka.brokers}")
	String brokers;

	@Value("${pipeline.manage-links.secret}")
	String secret;

	@Autowired
	MeterRegistry meters;

	@Autowired
	Clock clock;

	@DynamicPropertySource
	static void twilioStub(DynamicPropertyRegistry registry) {
		registry.add("notifications.sms.api-base-url", twilio::baseUrl);
	}

	@AfterAll
	static void stopStub() {
		twilio.close();
	}

	@Test
	void textsAConfirmationThroughTwilioWithTheStatusCallback() throws Exception {
		AppointmentConfirmed confirmed = confirmedFor("+12892348123", true);

		String eventId = publish(confirmed);

		Map<String, String> request = await().atMost(Duration.ofSeconds(30))
			.until(() -> requests.stream()
				.filter((sent) -> "+12892348123".equals(sent.get("To")))
				.findFirst()
				.orElse(null), (sent) -> sent != null);
		assertThat(request.get("path"))
			.isEqualTo("/2010-04-01/Accounts/AC00000000000000000000000000000001/Messages.json");
		assertThat(request.get("authorization")).isEqualTo("Basic " + Base64.getEncoder()
			.encodeToString("AC00000000000000000000000000000001:secret-token".getBytes(StandardCharsets.UTF_8)));
		assertThat(request.get("MessagingServiceSid")).isEqualTo("MG00000000000000000000000000000001");
		assertThat(request.get("StatusCallback")).isEqualTo("https://intake.example/twilio/status?notification="
				+ NotificationId.of(eventId, "appointment-confirmed", Channel.SMS).value());
		assertThat(request.get("Body")).startsWith("Gemini Health Group: booked with Maya,")
			.doesNotContain("deep tissue");
		assertManageableInOneOrTwoGsm7Segments(request.get("Body"), confirmed.appointment());
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(outcomes(confirmed.appointmentId()))
				.anySatisfy((outcome) -> assertThat(outcome).isInstanceOfSatisfying(NotificationSent.class,
						(sent) -> assertThat(sent.providerId()).startsWith("SM"))));
	}

	@Test
	void recordsWhatTwilioReportedBecameOfEachText() throws Exception {
		NotificationId delivered = NotificationId.of(UUID.randomUUID().toString(), "appointment-confirmed",
				Channel.SMS);
		NotificationId undelivered = NotificationId.of(UUID.randomUUID().toString(), "appointment-reminder",
				Channel.SMS);

		report(new DeliveryReport(delivered, Channel.SMS, "SM1", DeliveryReport.Status.DELIVERED, null, Instant.now()));
		report(new DeliveryReport(undelivered, Channel.SMS, "SM2", DeliveryReport.Status.UNDELIVERED, "30003",
				Instant.now()));

		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			List<NotificationOutcome> outcomes = TopicRecords.values(this.brokers, Topics.NOTIFICATION_OUTCOMES);
			assertThat(outcomes)
				.anySatisfy((outcome) -> assertThat(outcome).isInstanceOfSatisfying(NotificationDelivered.class,
						(done) -> assertThat(done.notificationId()).isEqualTo(delivered)));
			assertThat(outcomes).anySatisfy(
					(outcome) -> assertThat(outcome).isInstanceOfSatisfying(NotificationFailed.class, (failed) -> {
						assertThat(failed.notificationId()).isEqualTo(undelivered);
						assertThat(failed.purpose()).isEqualTo("appointment-reminder");
						assertThat(failed.errorCode()).isEqualTo("30003");
						assertThat(failed.permanent()).isTrue();
					}));
		});
	}

	@Test
	void failsAtOnceForAnOptedOutNumber() throws Exception {
		AppointmentConfirmed confirmed = confirmedFor(OPTED_OUT_NUMBER, true);

		publish(confirmed);

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(outcomes(confirmed.appointmentId())).anySatisfy(
					(outcome) -> assertThat(outcome).isInstanceOfSatisfying(NotificationFailed.class, (failed) -> {
						assertThat(failed.permanent()).isTrue();
						assertThat(failed.errorCode()).isEqualTo("21610");
					})));
	}

	@Test
	void stopsTextingAPatientWhoseSavedPreferencesOptOutOfTexts() throws Exception {
		String phone = "+12892348125";
		prefer(new PatientPreferences(new PatientContact(phone), List.of(Channel.SMS), Language.EN, Instant.now()));
		AppointmentConfirmed confirmed = confirmedFor(phone, true);

		// No waiting for the preference to be seen: the very next message respects it.
		publish(confirmed);

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(outcomes(confirmed.appointmentId()))
				.anySatisfy((outcome) -> assertThat(outcome).isInstanceOfSatisfying(NotificationSuppressed.class,
						(suppressed) -> assertThat(suppressed.reason())
							.isEqualTo(NotificationSuppressed.Reason.OPTED_OUT))));
		assertThat(requests).noneMatch((sent) -> phone.equals(sent.get("To")));
	}

	@Test
	void stopsTextingAtAStopNotYetFoldedIntoThePatientsPreferences() throws Exception {
		String phone = "+12892348127";
		PatientContact contact = new PatientContact(phone);
		prefer(new PatientPreferences(contact, List.of(), Language.EN, Instant.now().minusSeconds(60)));
		// The preferences' writer (the reminders service) is down: only the reply is on
		// Kafka.
		reply(new OptedOut(contact, Channel.SMS, "STOP", ReplySource.SMS_KEYWORD, Instant.now()));
		AppointmentConfirmed confirmed = confirmedFor(phone, true);

		publish(confirmed);

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(outcomes(confirmed.appointmentId()))
				.anySatisfy((outcome) -> assertThat(outcome).isInstanceOfSatisfying(NotificationSuppressed.class,
						(suppressed) -> assertThat(suppressed.reason())
							.isEqualTo(NotificationSuppressed.Reason.OPTED_OUT))));
		assertThat(requests).noneMatch((sent) -> phone.equals(sent.get("To")));

		// Once folded, a later START there wins over the old STOP.
		prefer(new PatientPreferences(contact, List.of(), Language.EN, Instant.now().plusSeconds(1)));
		publish(confirmedFor(phone, true));

		await().atMost(Duration.ofSeconds(30)).until(() -> twilio.textsTo(phone) == 1);
	}

	@Test
	void textsAgainAfterThePatientOptsBackInWithNoRestart() throws Exception {
		String phone = "+12892348129";
		PatientContact contact = new PatientContact(phone);
		prefer(new PatientPreferences(contact, List.of(Channel.SMS), Language.EN, Instant.now()));
		AppointmentConfirmed whileOut = confirmedFor(phone, true);
		publish(whileOut);
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(outcomes(whileOut.appointmentId()))
				.anySatisfy((outcome) -> assertThat(outcome).isInstanceOf(NotificationSuppressed.class)));

		prefer(new PatientPreferences(contact, List.of(), Language.EN, Instant.now()));
		publish(confirmedFor(phone, true));

		await().atMost(Duration.ofSeconds(30)).until(() -> twilio.textsTo(phone) == 1);
	}

	@Test
	void textsAReminderTheSchedulerFoundDue() throws Exception {
		Appointment appointment = confirmedFor("+12892348126", true).appointment();
		Instant now = Instant.now();

		publish(new ReminderDue(appointment, "sms-2h", Channel.SMS, now, now));

		Map<String, String> request = await().atMost(Duration.ofSeconds(30))
			.until(() -> requests.stream()
				.filter((sent) -> "+12892348126".equals(sent.get("To")))
				.findFirst()
				.orElse(null), (sent) -> sent != null);
		assertThat(request.get("Body")).startsWith("Gemini Health Group: reminder, visit with Maya")
			.contains("Reply C to confirm");
		assertManageableInOneOrTwoGsm7Segments(request.get("Body"), appointment);
	}

	@Test
	void textsTheQuestionAfterASessionOnceThoughTheSessionsEndComesTwice() throws Exception {
		String phone = "+12892348131";
		Appointment booked = confirmedFor(phone, true).appointment();
		Instant end = this.clock.instant().minus(Duration.ofMinutes(10));
		Patient willingToBeAsked = new Patient("Olivia Martin", "olivia@example.com", phone, Language.EN,
				new Consent(true, false, true));
		Appointment session = new Appointment(booked.appointmentId(), booked.location(), booked.service(),
				booked.practitioner(), booked.practitionerName(), end.minus(Duration.ofHours(1)), end, booked.zone(),
				willingToBeAsked, null, 0);
		ThankYouDue thankYou = new ThankYouDue(session, "Stretch twice a day.", end, end);
		String eventId = UUID.randomUUID().toString();
		NotificationId id = NotificationId.of(eventId, "feedback-question", Channel.SMS);

		publishAgain(thankYou, eventId);
		await().atMost(Duration.ofSeconds(30)).until(() -> latest(id) instanceof NotificationSent);
		publishAgain(thankYou, eventId);

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(latest(id)).isInstanceOfSatisfying(NotificationSuppressed.class,
					(suppressed) -> assertThat(suppressed.reason())
						.isEqualTo(NotificationSuppressed.Reason.ALREADY_SENT)));
		assertThat(twilio.textsTo(phone)).isEqualTo(1);
		String body = requests.stream()
			.filter((sent) -> phone.equals(sent.get("To")))
			.findFirst()
			.orElseThrow()
			.get("Body");
		assertThat(body).startsWith("Gemini Health Group: how was your session with Maya on ")
			.contains("? Reply 1 (poor) to 5 (excellent), or answer here: ");
		Matcher link = Pattern.compile("http://localhost:8080/feedback/(\\S{44})").matcher(body);
		assertThat(link.find()).as(body).isTrue();
		assertThat(new ManageTokens(this.secret).opensFeedback(link.group(1), session.appointmentId())).isTrue();
		assertThat(body.chars()).as(body).allMatch((c) -> SmsMessagesTest.GSM_7.indexOf(c) >= 0);
		assertThat(SmsMessagesTest.segments(body)).as(body).isLessThanOrEqualTo(2);
	}

	@Test
	void holdsAConfirmationThatWouldReachThePatientInTheirQuietHoursUntilTheyEnd() throws Exception {
		// The clock says noon in Toronto: past midnight in Tokyo.
		ZoneId tokyo = ZoneId.of("Asia/Tokyo");
		AppointmentConfirmed confirmed = confirmedFor("+12892348127", true, tokyo);

		publish(confirmed);

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(outcomes(confirmed.appointmentId())).anySatisfy(
					(outcome) -> assertThat(outcome).isInstanceOfSatisfying(NotificationFailed.class, (held) -> {
						assertThat(held.errorCode()).isEqualTo(NotificationDelivery.HELD);
						assertThat(held.permanent()).isFalse();
						Instant morning = ZonedDateTime.now(this.clock)
							.withZoneSameInstant(tokyo)
							.with(LocalTime.of(8, 0))
							.toInstant();
						assertThat(held.reason()).startsWith("held until " + morning);
					})));
		assertThat(requests).noneMatch((sent) -> "+12892348127".equals(sent.get("To")));
	}

	@Test
	void retriesAnOutageThenRecordsTheFailureWithoutHoldingUpTheTextsBehindIt() throws Exception {
		AppointmentConfirmed stuck = confirmedFor(OUTAGE_NUMBER, true);
		AppointmentConfirmed behind = confirmedFor("+12892348128", true);

		publish(stuck, 0);
		publish(behind, 0);

		await().atMost(Duration.ofSeconds(30))
			.until(() -> requests.stream().anyMatch((sent) -> "+12892348128".equals(sent.get("To"))));
		// The outage's five attempts take seconds; the text behind it did not wait.
		assertThat(outcomes(stuck.appointmentId())).map(TwilioSmsIntegrationTest::summary)
			.noneMatch((outcome) -> outcome.contains("gave up"));
		await().atMost(Duration.ofSeconds(30))
			.until(() -> outcomes(stuck.appointmentId()).stream()
				.map(TwilioSmsIntegrationTest::summary)
				.anyMatch((outcome) -> outcome.contains("gave up")));
		assertThat(outcomes(stuck.appointmentId())).map(TwilioSmsIntegrationTest::summary)
			.containsExactly("attempt 1 failed: will try again: ApiException",
					"attempt 2 failed: will try again: ApiException", "attempt 3 failed: will try again: ApiException",
					"attempt 4 failed: will try again: ApiException",
					"attempt 5 failed: gave up retrying: ApiException");
		// One request to Twilio per attempt: none hidden inside the SDK.
		assertThat(twilio.textsTo(OUTAGE_NUMBER)).isEqualTo(5);
	}

	@Test
	void recordsEachFailedTryOfATextAndTheTryThatGotThrough() throws Exception {
		AppointmentConfirmed confirmed = confirmedFor(FLAKY_NUMBER, true);

		publish(confirmed);

		NotificationSent sent = await().atMost(Duration.ofSeconds(30))
			.until(() -> outcomes(confirmed.appointmentId()).stream()
				.filter(NotificationSent.class::isInstance)
				.map(NotificationSent.class::cast)
				.findFirst()
				.orElse(null), (found) -> found != null);
		assertThat(twilio.textsTo(FLAKY_NUMBER)).isEqualTo(TwilioStub.FLAKY_FAILURES + 1);
		assertThat(twilio.acceptedTo(FLAKY_NUMBER)).containsExactly(sent.providerId());
		assertThat(outcomes(confirmed.appointmentId())).map(TwilioSmsIntegrationTest::summary)
			.containsExactly("attempt 1 failed: will try again: ApiException",
					"attempt 2 failed: will try again: ApiException", "attempt 3 failed: will try again: ApiException",
					"attempt 4 failed: will try again: ApiException", "attempt 5 sent");
	}

	@Test
	void countsATextTwilioDidNotAnswerInTimeAsUnknownNeverSendsItAgainAndLetsItsReportSettleIt() throws Exception {
		AppointmentConfirmed confirmed = confirmedFor(TwilioStub.SLOW_NUMBER, true);
		String eventId = UUID.randomUUID().toString();
		NotificationId id = NotificationId.of(eventId, "appointment-confirmed", Channel.SMS);

		publishAgain(confirmed, eventId);

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(latest(id)).isInstanceOfSatisfying(NotificationFailed.class, (failed) -> {
				assertThat(failed.errorCode()).isEqualTo(NotificationLedger.OUTCOME_UNKNOWN);
				assertThat(failed.reason()).isEqualTo("Twilio did not answer in time");
				assertThat(failed.permanent()).isFalse();
			}));
		assertThat(this.meters.counter("notifications.outcomes.unknown", "channel", "SMS").count()).isPositive();
		// Neither a retry nor the trigger coming again sends it a second time.
		publishAgain(confirmed, eventId);
		await().during(Duration.ofSeconds(3))
			.atMost(Duration.ofSeconds(10))
			.until(() -> twilio.textsTo(TwilioStub.SLOW_NUMBER) == 1);
		assertThat(this.meters.counter("notifications.resends.withheld", "channel", "SMS").count()).isPositive();

		String sid = twilio.acceptedTo(TwilioStub.SLOW_NUMBER).get(0);
		report(new DeliveryReport(id, Channel.SMS, sid, DeliveryReport.Status.DELIVERED, null, Instant.now()));

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(latest(id)).isInstanceOf(NotificationDelivered.class));
	}

	@Test
	void countsATextTwilioReportedUndeliveredAsSentAndDoesNotSendItAgain() throws Exception {
		String phone = "+12892348130";
		AppointmentConfirmed confirmed = confirmedFor(phone, true);
		String eventId = UUID.randomUUID().toString();
		NotificationId id = NotificationId.of(eventId, "appointment-confirmed", Channel.SMS);
		publishAgain(confirmed, eventId);
		await().atMost(Duration.ofSeconds(30)).until(() -> latest(id) instanceof NotificationSent);
		report(new DeliveryReport(id, Channel.SMS, twilio.acceptedTo(phone).get(0), DeliveryReport.Status.UNDELIVERED,
				"30003", Instant.now()));
		await().atMost(Duration.ofSeconds(30)).until(() -> latest(id) instanceof NotificationFailed);

		publishAgain(confirmed, eventId);

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(latest(id)).isInstanceOfSatisfying(NotificationSuppressed.class,
					(suppressed) -> assertThat(suppressed.reason())
						.isEqualTo(NotificationSuppressed.Reason.ALREADY_SENT)));
		assertThat(twilio.textsTo(phone)).isEqualTo(1);
	}

	@Test
	void dropsTheRetryOfAReminderWhoseAppointmentWasCancelledMeanwhile() throws Exception {
		Appointment appointment = confirmedFor(TwilioStub.SECOND_OUTAGE_NUMBER, true).appointment();
		Instant now = Instant.now();
		publish(new ReminderDue(appointment, "sms-2h", Channel.SMS, now, now));
		await().atMost(Duration.ofSeconds(30)).until(() -> twilio.textsTo(TwilioStub.SECOND_OUTAGE_NUMBER) >= 1);

		try (KafkaProducer<AppointmentId, AppointmentState> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.brokers),
				Topics.APPOINTMENT_STATES.keySerde().serializer(),
				Topics.APPOINTMENT_STATES.valueSerde().serializer())) {
			producer
				.send(new ProducerRecord<>(Topics.APPOINTMENT_STATES.name(), appointment.appointmentId(),
						new AppointmentState(appointment, AppointmentStatus.CANCELLED, Instant.now())))
				.get();
		}
		long triedBeforeTheCancellation = twilio.textsTo(TwilioStub.SECOND_OUTAGE_NUMBER);

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(outcomes(appointment.appointmentId()))
				.anySatisfy((outcome) -> assertThat(outcome).isInstanceOfSatisfying(NotificationSuppressed.class,
						(suppressed) -> assertThat(suppressed.reason())
							.isEqualTo(NotificationSuppressed.Reason.APPOINTMENT_CANCELLED))));
		// Five attempts would have been made; the retry after the cancellation stopped.
		assertThat(twilio.textsTo(TwilioStub.SECOND_OUTAGE_NUMBER)).isLessThanOrEqualTo(triedBeforeTheCancellation + 1)
			.isLessThan(5);
	}

	@Test
	void sendsNoTextWithoutConsentAndSaysSo() throws Exception {
		AppointmentConfirmed confirmed = confirmedFor("+12892348124", false);

		publish(confirmed);

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(outcomes(confirmed.appointmentId()))
				.anySatisfy((outcome) -> assertThat(outcome).isInstanceOfSatisfying(NotificationSuppressed.class,
						(suppressed) -> assertThat(suppressed.reason())
							.isEqualTo(NotificationSuppressed.Reason.NO_CONSENT))));
		assertThat(requests).noneMatch((sent) -> "+12892348124".equals(sent.get("To")));
	}

	/**
	 * The text carries a link that opens the appointment as it stands, and is sent as
	 * GSM-7 in at most two segments.
	 */
	private void assertManageableInOneOrTwoGsm7Segments(String body, Appointment appointment) {
		Matcher link = Pattern.compile("Change: http://localhost:8080/m/(\\S{44})").matcher(body);
		assertThat(link.find()).as(body).isTrue();
		assertThat(
				new ManageTokens(this.secret).opens(link.group(1), appointment.appointmentId(), appointment.sequence()))
			.isTrue();
		assertThat(body.chars()).as(body).allMatch((c) -> SmsMessagesTest.GSM_7.indexOf(c) >= 0);
		assertThat(SmsMessagesTest.segments(body)).as(body).isLessThanOrEqualTo(2);
	}

	static AppointmentConfirmed confirmedFor(String phone, boolean smsConsent) {
		return confirmedFor(phone, smsConsent, TORONTO);
	}

	static AppointmentConfirmed confirmedFor(String phone, boolean smsConsent, ZoneId zone) {
		Appointment a = Examples.of(AppointmentConfirmed.class).appointment();
		Patient patient = new Patient("Olivia Martin", null, phone, Language.EN, new Consent(smsConsent, false, false));
		AppointmentId id = AppointmentId.random();
		return new AppointmentConfirmed(new RequestId(id.uuid()),
				new Appointment(id, new LocationId("burlington"), a.service(), a.practitioner(), "Maya Chen", NEXT_WEEK,
						NEXT_WEEK.plus(Duration.ofHours(1)), zone, patient, null, 0));
	}

	/** Publishes as the decider would; returns the event's CloudEvents id. */
	private String publish(AppointmentConfirmed confirmed) throws Exception {
		return publish(confirmed, null);
	}

	private String publish(AppointmentConfirmed confirmed, Integer partition) throws Exception {
		return publish(this.brokers, confirmed, partition);
	}

	static String publish(String brokers, AppointmentConfirmed confirmed) throws Exception {
		return publish(brokers, confirmed, null);
	}

	static String publish(String brokers, AppointmentConfirmed confirmed, Integer partition) throws Exception {
		try (KafkaProducer<AppointmentId, com.geminihealth.schemas.appointment.AppointmentEvent> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers), Topics.APPOINTMENTS.keySerde().serializer(),
				Topics.APPOINTMENTS.valueSerde().serializer())) {
			ProducerRecord<AppointmentId, com.geminihealth.schemas.appointment.AppointmentEvent> record = new ProducerRecord<>(
					Topics.APPOINTMENTS.name(), partition, confirmed.appointmentId(), confirmed);
			producer.send(record).get();
			return CloudEvents.header(record.headers(), CloudEvents.ID);
		}
	}

	private void prefer(PatientPreferences preferences) throws Exception {
		try (KafkaProducer<PatientContact, PatientPreferences> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.brokers),
				Topics.PATIENT_PREFERENCES.keySerde().serializer(),
				Topics.PATIENT_PREFERENCES.valueSerde().serializer())) {
			producer.send(new ProducerRecord<>(Topics.PATIENT_PREFERENCES.name(), preferences.contact(), preferences))
				.get();
		}
	}

	private void reply(PatientReply reply) throws Exception {
		try (KafkaProducer<PatientContact, PatientReply> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.brokers),
				Topics.PATIENT_REPLIES.keySerde().serializer(), Topics.PATIENT_REPLIES.valueSerde().serializer())) {
			producer.send(new ProducerRecord<>(Topics.PATIENT_REPLIES.name(), reply.contact(), reply)).get();
		}
	}

	private void report(DeliveryReport report) throws Exception {
		try (KafkaProducer<NotificationId, DeliveryReport> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.brokers),
				Topics.DELIVERY_REPORTS.keySerde().serializer(), Topics.DELIVERY_REPORTS.valueSerde().serializer())) {
			producer.send(new ProducerRecord<>(Topics.DELIVERY_REPORTS.name(), report.notificationId(), report)).get();
		}
	}

	private void publish(DueNotice notice) throws Exception {
		try (KafkaProducer<AppointmentId, DueNotice> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.brokers),
				Topics.DUE_NOTICES.keySerde().serializer(), Topics.DUE_NOTICES.valueSerde().serializer())) {
			producer.send(new ProducerRecord<>(Topics.DUE_NOTICES.name(), notice.appointmentId(), notice)).get();
		}
	}

	/**
	 * An outcome as the front desk reads it: which attempt, what became of it and, for a
	 * failure, why and whether for good.
	 */
	private static String summary(NotificationOutcome outcome) {
		if (outcome instanceof NotificationSent sent) {
			return "attempt " + sent.attempt() + " sent";
		}
		if (outcome instanceof NotificationFailed failed) {
			return "attempt " + failed.attempt() + " failed: " + failed.reason()
					+ (failed.permanent() ? ", permanent" : "");
		}
		return outcome.toString();
	}

	/** The latest outcome of a notification: the ledger's word on it. */
	private NotificationOutcome latest(NotificationId id) {
		NotificationOutcome latest = null;
		for (ConsumerRecord<NotificationId, NotificationOutcome> record : TopicRecords.read(this.brokers,
				Topics.NOTIFICATION_OUTCOMES)) {
			if (id.equals(record.key())) {
				latest = record.value();
			}
		}
		return latest;
	}

	/** Publishes as the decider would, with the given CloudEvents id. */
	private void publishAgain(AppointmentConfirmed confirmed, String eventId) throws Exception {
		RecordHeaders headers = new RecordHeaders();
		byte[] value = Topics.APPOINTMENTS.valueSerde()
			.serializer()
			.serialize(Topics.APPOINTMENTS.name(), headers, confirmed);
		// The serializer writes a fresh ce_id; a redelivered record carries the same one.
		headers.remove(CloudEvents.ID);
		headers.add(CloudEvents.ID, eventId.getBytes(StandardCharsets.UTF_8));
		byte[] key = Topics.APPOINTMENTS.keySerde()
			.serializer()
			.serialize(Topics.APPOINTMENTS.name(), confirmed.appointmentId());
		try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.brokers), new ByteArraySerializer(),
				new ByteArraySerializer())) {
			producer.send(new ProducerRecord<>(Topics.APPOINTMENTS.name(), null, key, value, headers)).get();
		}
	}

	/** Publishes as the reminders scheduler would, with the given CloudEvents id. */
	private void publishAgain(DueNotice notice, String eventId) throws Exception {
		RecordHeaders headers = new RecordHeaders();
		byte[] value = Topics.DUE_NOTICES.valueSerde()
			.serializer()
			.serialize(Topics.DUE_NOTICES.name(), headers, notice);
		// The serializer writes a fresh ce_id; a redelivered record carries the same one.
		headers.remove(CloudEvents.ID);
		headers.add(CloudEvents.ID, eventId.getBytes(StandardCharsets.UTF_8));
		byte[] key = Topics.DUE_NOTICES.keySerde()
			.serializer()
			.serialize(Topics.DUE_NOTICES.name(), notice.appointmentId());
		try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.brokers), new ByteArraySerializer(),
				new ByteArraySerializer())) {
			producer.send(new ProducerRecord<>(Topics.DUE_NOTICES.name(), null, key, value, headers)).get();
		}
	}

	private List<NotificationOutcome> outcomes(AppointmentId appointment) {
		return TopicRecords.values(this.brokers, Topics.NOTIFICATION_OUTCOMES)
			.stream()
			.filter((outcome) -> outcome.notificationId().value().endsWith(":sms"))
			.filter((outcome) -> appointment.equals(outcome.appointmentId()))
			.filter((outcome) -> !isSending(outcome))
			.toList();
	}

	/** The outcome recorded just before each call to Twilio, until its answer. */
	static boolean isSending(NotificationOutcome outcome) {
		return outcome instanceof NotificationFailed failed && NotificationLedger.SENDING.equals(failed.reason());
	}

}
