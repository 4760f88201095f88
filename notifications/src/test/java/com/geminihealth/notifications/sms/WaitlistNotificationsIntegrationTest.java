package com.geminihealth.notifications.sms;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.geminihealth.notifications.NotificationsApplication;
import com.geminihealth.platform.test.TopicRecords;
import com.geminihealth.schemas.CloudEvents;
import com.geminihealth.schemas.DeadLetters;
import com.geminihealth.schemas.Topics;
import com.geminihealth.schemas.appointment.Slot;
import com.geminihealth.schemas.booking.AppointmentId;
import com.geminihealth.schemas.booking.Consent;
import com.geminihealth.schemas.booking.Language;
import com.geminihealth.schemas.booking.LocationId;
import com.geminihealth.schemas.booking.Patient;
import com.geminihealth.schemas.booking.PractitionerId;
import com.geminihealth.schemas.booking.ServiceId;
import com.geminihealth.schemas.link.ManageTokens;
import com.geminihealth.schemas.notification.NotificationOutcome;
import com.geminihealth.schemas.notification.NotificationSent;
import com.geminihealth.schemas.notification.NotificationSuppressed;
import com.geminihealth.schemas.patient.PatientContact;
import com.geminihealth.schemas.patient.PatientPreferences;
import com.geminihealth.schemas.reminder.Channel;
import com.geminihealth.schemas.waitlist.WaitlistEntryId;
import com.geminihealth.schemas.waitlist.WaitlistEvent;
import com.geminihealth.schemas.waitlist.WaitlistOfferClosed;
import com.geminihealth.schemas.waitlist.WaitlistOffered;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Waitlist offers on the broker become one text through the real Twilio SDK (at a local
 * stub) and one email at a real SMTP server (GreenMail), in the patient's language, each
 * with a link that claims the offer; an offer lost becomes one email. They go through the
 * same delivery as every message: sent once per event, never texted to a number that
 * opted out; an unreadable record is dead-lettered with the reason.
 */
@SpringBootTest(properties = { "spring.config.name=" + NotificationsApplication.CONFIG_NAME,
		"spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}", "spring.mail.host=localhost",
		"logging.structured.format.console=", "notifications.sms.account-sid=AC00000000000000000000000000000001",
		"notifications.sms.auth-token=secret-token",
		"notifications.sms.messaging-service-sid=MG00000000000000000000000000000001",
		"notifications.sms.status-callback-url=https://intake.example/twilio/status",
		"notifications.sms.messages-per-second=20" })
@Import(Daytime.class)
class WaitlistNotificationsIntegrationTest {

	static final ZoneId TORONTO = TwilioSmsIntegrationTest.TORONTO;

	@RegisterExtension
	static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
		.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication())
		.withPerMethodLifecycle(false);

	static final TwilioStub twilio = new TwilioStub();

	@Value("${spring.embedded.kafka.brokers}")
	String brokers;

	@Value("${pipeline.manage-links.secret}")
	String secret;

	@DynamicPropertySource
	static void stubs(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
		registry.add("notifications.sms.api-base-url", twilio::baseUrl);
	}

	@AfterAll
	static void stopStub() {
		twilio.close();
	}

	@Test
	void offersTheFreedTimeByOneTextAndOneEmailEachWithALinkThatClaimsIt() throws Exception {
		WaitlistOffered offered = offered(patient("Olivia Martin", Language.EN, true));

		publish(offered);

		String text = awaitTextTo(offered);
		assertThat(text).isEqualTo("Gemini Health Group: a time opened with Maya, " + smsWhen(offered)
				+ ", Burlington, held for you until 11:15 AM. STOP to opt out. Claim it: "
				+ "http://localhost:8080/waitlist/offers/" + claimToken(text, offered) + " or call +1 289-234-8001");
		assertThat(text).as("no health detail in a text").doesNotContainIgnoringCase("massage");
		String email = textOf(awaitEmailTo(offered, "A time has opened up for you"));
		assertThat(email).startsWith("Hello Olivia,")
			.contains("A time has opened up for Swedish massage, 60 min, and it is yours if you want it:")
			.contains(" with Maya\nGemini Health Burlington, 1450 Brant Street, Burlington, ON L7P 1X3")
			.contains("We are holding it for you until 11:15 a.m.");
		claimToken(email, offered);
		awaitSentOnce(offered.offer(), "waitlist-offered");
	}

	@Test
	void offersAFrenchPatientTheTimeInFrench() throws Exception {
		WaitlistOffered offered = offered(patient("Élodie Tremblay", Language.FR, true));

		publish(offered);

		String text = awaitTextTo(offered);
		assertThat(text).startsWith("Gemini Health Group : un créneau libre avec Maya le ")
			.contains("à Burlington, réservé pour vous jusqu'à 11h15.")
			.contains("Le prendre : http://localhost:8080/waitlist/offers/");
		claimToken(text, offered);
		String email = textOf(awaitEmailTo(offered, "Un créneau s'est libéré pour vous"));
		assertThat(email).startsWith("Bonjour Élodie,")
			.contains("Un créneau s'est libéré pour Massage suédois, 60 min")
			.contains("Nous vous le réservons jusqu'à 11 h 15.");
		claimToken(email, offered);
		awaitSentOnce(offered.offer(), "waitlist-offered");
	}

	@Test
	void sendsNothingTwiceWhenTheSameOfferComesAgain() throws Exception {
		WaitlistOffered offered = offered(patient("Olivia Martin", Language.EN, true));
		String eventId = UUID.randomUUID().toString();
		publish(offered, eventId);
		awaitSentOnce(offered.offer(), "waitlist-offered");

		publish(offered, eventId);

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(outcomes(offered.offer()))
				.filteredOn((outcome) -> outcome instanceof NotificationSuppressed suppressed
						&& suppressed.reason() == NotificationSuppressed.Reason.ALREADY_SENT)
				.extracting(NotificationOutcome::channel)
				.containsExactlyInAnyOrder(Channel.SMS, Channel.EMAIL));
		assertThat(twilio.textsTo(offered.patient().mobilePhone())).isEqualTo(1);
		assertThat(emailsTo(offered.patient().email())).hasSize(1);
	}

	@Test
	void textsNothingToANumberThatOptedOutButStillEmails() throws Exception {
		Patient patient = patient("Olivia Martin", Language.EN, true);
		prefer(new PatientPreferences(new PatientContact(patient.mobilePhone()), List.of(Channel.SMS), Language.EN,
				Instant.now()));
		WaitlistOffered offered = offered(patient);

		publish(offered);

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(outcomes(offered.offer())).anySatisfy((outcome) -> assertThat(outcome)
				.isInstanceOfSatisfying(NotificationSuppressed.class, (suppressed) -> {
					assertThat(suppressed.channel()).isEqualTo(Channel.SMS);
					assertThat(suppressed.reason()).isEqualTo(NotificationSuppressed.Reason.OPTED_OUT);
				})));
		awaitEmailTo(offered, "A time has opened up for you");
		assertThat(twilio.textsTo(patient.mobilePhone())).isZero();
	}

	@Test
	void emailsOnceWhenTheTimeWasTakenBeforeTheClaimAndTextsNothing() throws Exception {
		WaitlistOffered offered = offered(patient("Olivia Martin", Language.EN, true));
		WaitlistOffered claimedElsewhere = offered(offered.patient());

		publish(WaitlistOfferClosed.of(claimedElsewhere, WaitlistOfferClosed.Outcome.CLAIMED, Instant.now()));
		publish(WaitlistOfferClosed.of(claimedElsewhere, WaitlistOfferClosed.Outcome.EXPIRED, Instant.now()));
		publish(WaitlistOfferClosed.of(offered, WaitlistOfferClosed.Outcome.LOST, Instant.now()));

		String email = textOf(awaitEmailTo(offered, "That time was taken before your claim"));
		assertThat(email).startsWith("Hello Olivia,")
			.contains("the time we offered you for Swedish massage, 60 min, " + emailWhen(offered)
					+ ", was taken before your claim reached us.")
			.contains("You are still on the waitlist");
		awaitSentOnce(offered.offer(), "waitlist-offer-lost");
		assertThat(emailsTo(offered.patient().email())).as("a claim or an expiry emails nothing").hasSize(1);
		assertThat(twilio.textsTo(offered.patient().mobilePhone())).isZero();
		assertThat(outcomes(offered.offer())).noneMatch((outcome) -> outcome.channel() == Channel.SMS);
	}

	@Test
	void deadLettersAnUnreadableWaitlistRecordWithTheReasonForEachListenerAndKeepsSending() throws Exception {
		String badKey = WaitlistEntryId.random().value();
		RecordHeaders headers = new RecordHeaders();
		headers.add("ce_type", "com.geminihealth.waitlist.WaitlistOffered.v1".getBytes(StandardCharsets.UTF_8));
		try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.brokers), new ByteArraySerializer(),
				new ByteArraySerializer())) {
			producer
				.send(new ProducerRecord<>(Topics.WAITLIST.name(), null, badKey.getBytes(StandardCharsets.UTF_8),
						"{not json".getBytes(StandardCharsets.UTF_8), headers))
				.get();
		}
		WaitlistOffered next = offered(patient("Olivia Martin", Language.EN, true));

		publish(next);

		awaitSentOnce(next.offer(), "waitlist-offered");
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			List<ConsumerRecord<byte[], byte[]>> letters = TopicRecords
				.read(this.brokers, Topics.NOTIFICATIONS_DEAD_LETTERS)
				.stream()
				.filter((letter) -> badKey.equals(new String(letter.key(), StandardCharsets.UTF_8)))
				.toList();
			assertThat(letters).as("one per listener of the waitlist: its text's and its email's").hasSize(2);
			assertThat(letters).allSatisfy((letter) -> {
				assertThat(header(letter, DeadLetters.SOURCE_TOPIC)).isEqualTo("waitlist");
				assertThat(header(letter, DeadLetters.REASON)).contains("could not be read");
				assertThat(new String(letter.value(), StandardCharsets.UTF_8)).isEqualTo("{not json");
			});
		});
	}

	private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
		Header header = record.headers().lastHeader(name);
		return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

	/** An offer of a time next week, made at 11:00 in Toronto and held 15 minutes. */
	static WaitlistOffered offered(Patient patient) {
		LocalDateTime nextWeek = LocalDateTime.now(TORONTO)
			.plusDays(7)
			.withHour(10)
			.withMinute(0)
			.withSecond(0)
			.withNano(0);
		Instant start = nextWeek.atZone(TORONTO).toInstant();
		Instant offeredAt = nextWeek.minusDays(7).withHour(11).atZone(TORONTO).toInstant();
		return new WaitlistOffered(WaitlistEntryId.random(), AppointmentId.random(), new LocationId("burlington"),
				new ServiceId("rmt-swedish-60"),
				new Slot(start, start.plus(Duration.ofHours(1)), new PractitionerId("maya-chen"), "Maya Chen"), TORONTO,
				patient, offeredAt.minusSeconds(60), offeredAt, offeredAt.plus(Duration.ofMinutes(15)));
	}

	static Patient patient(String name, Language language, boolean smsConsent) {
		String phone = "+1905555" + String.format("%04d", ThreadLocalRandom.current().nextInt(10_000));
		return new Patient(name, "waitlist-" + UUID.randomUUID() + "@example.com", phone, language,
				new Consent(smsConsent, false, false));
	}

	private static String smsWhen(WaitlistOffered offered) {
		return new com.geminihealth.notifications.PatientWords().smsWhen(offered.slot().start(), TORONTO,
				offered.patient().language());
	}

	private static String emailWhen(WaitlistOffered offered) {
		return new com.geminihealth.notifications.PatientWords().emailWhen(offered.slot().start(), TORONTO,
				offered.patient().language());
	}

	/**
	 * The claim link's token, which must open the offer as the appointment it becomes.
	 */
	private String claimToken(String message, WaitlistOffered offered) {
		Matcher link = Pattern.compile("http://localhost:8080/waitlist/offers/([A-Za-z0-9_-]{44})").matcher(message);
		assertThat(link.find()).as(message).isTrue();
		assertThat(new ManageTokens(this.secret).opens(link.group(1), offered.offer(), 0)).isTrue();
		return link.group(1);
	}

	private String awaitTextTo(WaitlistOffered offered) {
		String phone = offered.patient().mobilePhone();
		return await().atMost(Duration.ofSeconds(30))
			.until(() -> twilio.requests()
				.stream()
				.filter((sent) -> phone.equals(sent.get("To")))
				.map((sent) -> sent.get("Body"))
				.findFirst()
				.orElse(null), (body) -> body != null);
	}

	/**
	 * Waits until the message of {@code purpose} was recorded sent by text and by email,
	 * and finds that each left once.
	 */
	private void awaitSentOnce(AppointmentId offer, String purpose) {
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			List<NotificationOutcome> sent = outcomes(offer).stream()
				.filter(NotificationSent.class::isInstance)
				.filter((outcome) -> outcome.notificationId().value().contains(":" + purpose + ":"))
				.toList();
			assertThat(sent).extracting(NotificationOutcome::channel)
				.containsExactlyInAnyOrderElementsOf("waitlist-offered".equals(purpose)
						? List.of(Channel.SMS, Channel.EMAIL) : List.of(Channel.EMAIL));
		});
	}

	private List<NotificationOutcome> outcomes(AppointmentId offer) {
		return TopicRecords.values(this.brokers, Topics.NOTIFICATION_OUTCOMES)
			.stream()
			.filter((outcome) -> offer.equals(outcome.appointmentId()))
			.filter((outcome) -> !TwilioSmsIntegrationTest.isSending(outcome))
			.toList();
	}

	private void publish(WaitlistEvent event) throws Exception {
		publish(event, UUID.randomUUID().toString());
	}

	/** Publishes as the decider would, with the given CloudEvents id. */
	private void publish(WaitlistEvent event, String eventId) throws Exception {
		RecordHeaders headers = new RecordHeaders();
		byte[] value = Topics.WAITLIST.valueSerde().serializer().serialize(Topics.WAITLIST.name(), headers, event);
		// The serializer writes a fresh ce_id; a redelivered record carries the same one.
		headers.remove(CloudEvents.ID);
		headers.add(CloudEvents.ID, eventId.getBytes(StandardCharsets.UTF_8));
		byte[] key = Topics.WAITLIST.keySerde().serializer().serialize(Topics.WAITLIST.name(), event.entryId());
		try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.brokers), new ByteArraySerializer(),
				new ByteArraySerializer())) {
			producer.send(new ProducerRecord<>(Topics.WAITLIST.name(), null, key, value, headers)).get();
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

	private MimeMessage awaitEmailTo(WaitlistOffered offered, String subject) {
		String to = offered.patient().email();
		return await().atMost(Duration.ofSeconds(30))
			.until(() -> emailsTo(to).stream()
				.filter((message) -> subject.equals(subject(message)))
				.findFirst()
				.orElse(null), (message) -> message != null);
	}

	private static List<MimeMessage> emailsTo(String to) {
		return Arrays.stream(smtp.getReceivedMessages()).filter((message) -> to.equals(recipient(message))).toList();
	}

	private static String subject(MimeMessage message) {
		try {
			return message.getSubject();
		}
		catch (Exception ex) {
			return "";
		}
	}

	private static String recipient(MimeMessage message) {
		try {
			return message.getAllRecipients()[0].toString();
		}
		catch (Exception ex) {
			return "";
		}
	}

	private static String textOf(MimeMessage message) throws Exception {
		return text((Multipart) message.getContent(), "text/plain").replace("\r\n", "\n");
	}

	private static String text(Multipart multipart, String type) throws Exception {
		for (int i = 0; i < multipart.getCount(); i++) {
			BodyPart part = multipart.getBodyPart(i);
			if (part.getContent() instanceof Multipart nested) {
				String found = text(nested, type);
				if (found != null) {
					return found;
				}
			}
			else if (part.isMimeType(type)) {
				return new String(part.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			}
		}
		return null;
	}

}
