package com.geminihealth.notifications.email;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.geminihealth.notifications.NotificationsApplication;
import com.geminihealth.platform.test.TopicRecords;
import com.geminihealth.schemas.Topics;
import com.geminihealth.schemas.booking.AppointmentId;
import com.geminihealth.schemas.booking.Author;
import com.geminihealth.schemas.booking.Consent;
import com.geminihealth.schemas.booking.Language;
import com.geminihealth.schemas.booking.LocationId;
import com.geminihealth.schemas.booking.Patient;
import com.geminihealth.schemas.booking.PractitionerId;
import com.geminihealth.schemas.booking.ServiceId;
import com.geminihealth.schemas.notification.NotificationOutcome;
import com.geminihealth.schemas.notification.NotificationSent;
import com.geminihealth.schemas.patient.PatientContact;
import com.geminihealth.schemas.plan.PlanId;
import com.geminihealth.schemas.plan.PlanTerms;
import com.geminihealth.schemas.plan.TreatmentPlan;
import com.geminihealth.schemas.reminder.Channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Treatment plans on the broker become emails at a real SMTP server (GreenMail), in the
 * patient's language, and never texts, even to a patient who consented to SMS.
 */
@SpringBootTest(properties = { "spring.config.name=" + NotificationsApplication.CONFIG_NAME,
		"spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}", "spring.mail.host=localhost",
		"logging.structured.format.console=" })
class TreatmentPlanEmailIntegrationTest {

	@RegisterExtension
	static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
		.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication())
		.withPerMethodLifecycle(false);

	@DynamicPropertySource
	static void mailServer(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
	}

	static final LocalDate REVIEW = LocalDate.parse("2027-01-14");

	@Value("${spring.embedded.kafka.brokers}")
	String brokers;

	@Value("${notifications.sms.sandbox-dir}")
	Path smsSandbox;

	@Test
	void emailsAnEnglishPatientTheirPlanWithItsAdviceAndTextsNothing() throws Exception {
		String to = "plan-" + UUID.randomUUID() + "@example.com";
		String phone = "+1289555" + String.format("%04d", (int) (Math.random() * 10_000));
		TreatmentPlan plan = recorded(
				new Patient("Olivia Martin", to, phone, Language.EN, new Consent(true, true, false)));

		publish(plan);

		MimeMessage email = awaitEmailTo(to, "Your treatment plan");
		String text = text(email, "text/plain");
		assertThat(text).startsWith("Hello Olivia,")
			.contains("Here is the treatment plan Sophie Gagnon made for you after your assessment.")
			.contains("What we will work on: Shoulder mobility and rotator cuff strength")
			.contains("Sessions: 6, one every 10 days.")
			.contains("review the plan on Thursday, January 14, 2027.")
			.contains("- Pendulum swings, 2 x 10, morning and evening.")
			.contains("- Ice for 15 minutes after exercise.");
		assertThat(text(email, "text/html")).contains("<li>Ice for 15 minutes after exercise.</li>");
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(outcomesAbout(plan)).anySatisfy((outcome) -> {
				assertThat(outcome).isInstanceOf(NotificationSent.class);
				assertThat(outcome.channel()).isEqualTo(Channel.EMAIL);
				assertThat(outcome.notificationId().value()).endsWith(":treatment-plan:email");
			}));
		assertThat(outcomesAbout(plan)).as("a plan is health detail: never a text")
			.noneMatch((outcome) -> outcome.channel() == Channel.SMS);
		assertThat(textsTo(phone)).isEmpty();
	}

	@Test
	void emailsAFrenchPatientTheirAdjustedPlanInFrench() throws Exception {
		String to = "plan-fr-" + UUID.randomUUID() + "@example.com";
		TreatmentPlan plan = recorded(new Patient("Élodie Tremblay", to, null, Language.FR, null));
		TreatmentPlan adjusted = plan.adjusted(new PlanTerms(plan.terms().service(), 6, 14, plan.terms().focus(),
				"Pendule 2 x 10 le matin et le soir.", REVIEW), Author.frontDesk("amira"), Instant.now());

		publish(plan);
		awaitEmailTo(to, "Votre plan de traitement");
		publish(adjusted);

		MimeMessage email = awaitEmailTo(to, "Votre plan de traitement a été modifié");
		assertThat(text(email, "text/plain")).startsWith("Bonjour Élodie,")
			.contains("Sophie Gagnon a modifié votre plan de traitement.")
			.contains("Séances : 6, une tous les 14 jours.")
			.contains("révisera le plan le jeudi 14 janvier 2027.")
			.contains("- Pendule 2 x 10 le matin et le soir.");
	}

	private static TreatmentPlan recorded(Patient patient) {
		return TreatmentPlan.recorded(PlanId.random(), patient, new LocationId("burlington"),
				new PractitionerId("sophie-gagnon"), "Sophie Gagnon", AppointmentId.random(),
				new PlanTerms(new ServiceId("physio-follow-up-30"), 6, 10,
						"Shoulder mobility and rotator cuff strength",
						"Pendulum swings, 2 x 10, morning and evening.\nIce for 15 minutes after exercise.", REVIEW),
				Author.frontDesk("sophie"), Instant.now());
	}

	private void publish(TreatmentPlan plan) throws Exception {
		try (KafkaProducer<PatientContact, TreatmentPlan> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.brokers),
				Topics.TREATMENT_PLANS.keySerde().serializer(), Topics.TREATMENT_PLANS.valueSerde().serializer())) {
			producer.send(new ProducerRecord<>(Topics.TREATMENT_PLANS.name(), plan.key(), plan)).get();
		}
	}

	private List<NotificationOutcome> outcomesAbout(TreatmentPlan plan) {
		return TopicRecords.values(this.brokers, Topics.NOTIFICATION_OUTCOMES)
			.stream()
			.filter((outcome) -> plan.assessment().equals(outcome.appointmentId()))
			.toList();
	}

	private List<String> textsTo(String phone) throws Exception {
		if (!Files.isDirectory(this.smsSandbox)) {
			return List.of();
		}
		try (Stream<Path> texts = Files.list(this.smsSandbox)) {
			return texts.map(this::read).filter((text) -> text.contains(phone)).toList();
		}
	}

	private String read(Path file) {
		try {
			return Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (java.io.IOException ex) {
			return "";
		}
	}

	private MimeMessage awaitEmailTo(String to, String subject) {
		return await().atMost(Duration.ofSeconds(30))
			.until(() -> Arrays.stream(smtp.getReceivedMessages())
				.filter((message) -> to.equals(recipient(message)) && subject.equals(subject(message)))
				.findFirst()
				.orElse(null), (message) -> message != null);
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

	private static String text(MimeMessage message, String type) throws Exception {
		return text((Multipart) message.getContent(), type);
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
