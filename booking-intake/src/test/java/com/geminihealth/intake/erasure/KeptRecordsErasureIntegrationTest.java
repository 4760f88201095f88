package com.geminihealth.intake.erasure;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import com.geminihealth.intake.IntakeIntegrationTest;
import com.geminihealth.intake.KafkaTopics;
import com.geminihealth.intake.web.ClientAddresses;
import com.geminihealth.platform.EventPublisher;
import com.geminihealth.schemas.Examples;
import com.geminihealth.schemas.Topics;
import com.geminihealth.schemas.appointment.Appointment;
import com.geminihealth.schemas.appointment.AppointmentState;
import com.geminihealth.schemas.appointment.AppointmentStatus;
import com.geminihealth.schemas.booking.AppointmentId;
import com.geminihealth.schemas.booking.Patient;
import com.geminihealth.schemas.inquiry.ContactInquiryReceived;
import com.geminihealth.schemas.inquiry.InquiryId;
import com.geminihealth.schemas.privacy.ErasureId;
import com.geminihealth.schemas.privacy.ErasureRequested;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * An erased patient leaves the topics booking intake keeps for good, as compaction leaves
 * them: their inquiries' latest records are tombstones, and their appointments' latest
 * states name nobody, even appointments the decider no longer holds. Others' stay.
 */
@IntakeIntegrationTest
class KeptRecordsErasureIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	KafkaTopics kafka;

	@Autowired
	EventPublisher publisher;

	@Test
	void writesATombstoneForEveryInquiryOfTheErasedPatientFoundByEmailOrPhone() throws Exception {
		String email = "erase-" + UUID.randomUUID() + "@example.com";
		String phone = "+1905555" + String.format("%04d", Math.floorMod(email.hashCode(), 10_000));
		inquire(email, null, "By email");
		inquire("other-" + UUID.randomUUID() + "@example.com", phone, "By phone");
		String kept = "kept-" + UUID.randomUUID() + "@example.com";
		inquire(kept, null, "Someone else");
		await().atMost(Duration.ofSeconds(10))
			.until(() -> latest().values()
				.stream()
				.filter((inquiry) -> inquiry != null)
				.filter((inquiry) -> inquiry.email().equals(email) || inquiry.email().equals(kept)
						|| phone.equals(inquiry.phone()))
				.count() == 3);

		this.publisher.publish(Topics.ERASURES, ErasureId.random(),
				new ErasureRequested(ErasureId.random(), email.toUpperCase(), phone, "ops", Instant.now()));

		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			List<ContactInquiryReceived> live = latest().values()
				.stream()
				.filter((inquiry) -> inquiry != null)
				.toList();
			assertThat(live).noneMatch((inquiry) -> inquiry.email().equals(email) || phone.equals(inquiry.phone()));
			assertThat(live).anyMatch((inquiry) -> inquiry.email().equals(kept));
		});
	}

	@Test
	void anonymisesTheLatestStateOfAnAppointmentTheDeciderNoLongerHolds() throws Exception {
		String email = "long-ago-" + UUID.randomUUID() + "@example.com";
		Appointment example = Examples.APPOINTMENT;
		AppointmentId id = AppointmentId.random();
		Duration yearAgo = Duration.ofDays(365);
		Appointment longAgo = new Appointment(id, example.location(), example.service(), example.practitioner(),
				example.practitionerName(), example.start().minus(yearAgo), example.end().minus(yearAgo),
				example.zone(), new Patient("Ada Long", email, null, null, null), "Stiff neck", 0);
		this.publisher.publish(Topics.APPOINTMENT_STATES, id,
				new AppointmentState(longAgo, AppointmentStatus.COMPLETED, Instant.now()));

		this.publisher.publish(Topics.ERASURES, ErasureId.random(),
				new ErasureRequested(ErasureId.random(), email, null, "ops", Instant.now()));

		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			AppointmentState latest = null;
			for (ConsumerRecord<AppointmentId, AppointmentState> record : this.kafka.read(Topics.APPOINTMENT_STATES)) {
				if (record.key().equals(id)) {
					latest = record.value();
				}
			}
			assertThat(latest).isNotNull();
			assertThat(latest.appointment().patient().email()).isEqualTo(Patient.ERASED_EMAIL);
			assertThat(latest.appointment().notes()).isNull();
			assertThat(latest.status()).isEqualTo(AppointmentStatus.COMPLETED);
			assertThat(latest.appointment().start()).isEqualTo(example.start().minus(yearAgo));
		});
	}

	/**
	 * The topic as compaction leaves it: the latest value of each key, null if deleted.
	 */
	private Map<InquiryId, ContactInquiryReceived> latest() {
		Map<InquiryId, ContactInquiryReceived> latest = new HashMap<>();
		for (ConsumerRecord<InquiryId, ContactInquiryReceived> record : this.kafka.read(Topics.CONTACT_INQUIRIES)) {
			latest.put(record.key(), record.value());
		}
		return latest;
	}

	private void inquire(String email, String phone, String message) throws Exception {
		this.mvc
			.perform(post("/api/inquiries").with(ClientAddresses.fresh())
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"name": "Erin", "email": "%s", %s "message": "%s"}""".formatted(email,
						(phone != null) ? "\"phone\": \"" + phone + "\"," : "", message)))
			.andExpect(status().isAccepted());
	}

}
