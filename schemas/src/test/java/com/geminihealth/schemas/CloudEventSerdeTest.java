package com.geminihealth.schemas;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import java.util.stream.Stream;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.geminihealth.schemas.appointment.AppointmentConfirmed;
import com.geminihealth.schemas.booking.BookAppointment;
import com.geminihealth.schemas.inquiry.ContactInquiryReceived;
import com.geminihealth.schemas.frontdesk.MarkId;
import com.geminihealth.schemas.schedule.ScheduleChangeId;
import com.geminihealth.schemas.intake.Digest;
import com.geminihealth.schemas.notification.NotificationId;
import com.geminihealth.schemas.patient.PatientContact;
import com.geminihealth.schemas.privacy.ErasureId;
import com.geminihealth.schemas.waitlist.WaitlistEntryId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Every event travels as JSON with its CloudEvents attributes in the Kafka headers. */
class CloudEventSerdeTest {

	static Stream<EventType<?>> eventTypes() {
		return ContractFiles.eventTypes();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("eventTypes")
	void everyExampleRoundTripsThroughItsTopicsSerdeWithCloudEventsHeaders(EventType<?> type) {
		Topic<?, ?> topic = ContractFiles.topicOf(type);
		Serde<Object> serde = valueSerde(topic);
		Object example = Examples.of(type.javaType());
		Headers headers = new RecordHeaders();

		Instant before = Instant.now();
		byte[] value = serde.serializer().serialize(topic.name(), headers, example);
		Instant after = Instant.now();

		assertThat(header(headers, CloudEvents.TYPE)).isEqualTo(type.ceType());
		assertThat(UUID.fromString(header(headers, CloudEvents.ID))).isNotNull();
		assertThat(header(headers, CloudEvents.SOURCE)).isEqualTo("/clinic-pipeline/" + topic.name());
		assertThat(Instant.parse(header(headers, CloudEvents.TIME))).isBetween(before, after);
		assertThat(header(headers, CloudEvents.SPEC_VERSION)).isEqualTo("1.0");
		assertThat(header(headers, CloudEvents.CONTENT_TYPE)).isEqualTo("application/json");
		assertThat(Contract.violations(type, value)).isEmpty();
		assertThat(serde.deserializer().deserialize(topic.name(), headers, value)).isEqualTo(example);
	}

	@Test
	void everyEventGetsItsOwnId() {
		Serde<Object> serde = valueSerde(Topics.APPOINTMENTS);
		Headers first = new RecordHeaders();
		Headers second = new RecordHeaders();

		serde.serializer().serialize(Topics.APPOINTMENTS.name(), first, Examples.of(AppointmentConfirmed.class));
		serde.serializer().serialize(Topics.APPOINTMENTS.name(), second, Examples.of(AppointmentConfirmed.class));

		assertThat(header(first, CloudEvents.ID)).isNotEqualTo(header(second, CloudEvents.ID));
	}

	@Test
	void aRecordWithoutCeTypeCannotBeRead() {
		byte[] value = Json.MAPPER.writeValueAsBytes(Examples.of(BookAppointment.class));

		assertThatExceptionOfType(ContractViolation.class)
			.isThrownBy(() -> Topics.BOOKING_COMMANDS.valueSerde()
				.deserializer()
				.deserialize(Topics.BOOKING_COMMANDS.name(), new RecordHeaders(), value))
			.withMessage("missing ce_type header");
	}

	@Test
	void aRecordWithAnUnknownCeTypeCannotBeReadAndTheMessageListsTheKnownOnes() {
		byte[] value = Json.MAPPER.writeValueAsBytes(Examples.of(BookAppointment.class));
		Headers headers = new RecordHeaders().add(CloudEvents.TYPE,
				"com.geminihealth.booking.BookAppointment.v9".getBytes(StandardCharsets.UTF_8));

		assertThatExceptionOfType(ContractViolation.class)
			.isThrownBy(() -> Topics.BOOKING_COMMANDS.valueSerde()
				.deserializer()
				.deserialize(Topics.BOOKING_COMMANDS.name(), headers, value))
			.withMessageStartingWith("unknown ce_type 'com.geminihealth.booking.BookAppointment.v9'; expected one of")
			.withMessageContaining("com.geminihealth.booking.BookAppointment.v1")
			.withMessageContaining("com.geminihealth.booking.MarkNoShow.v1");
	}

	@Test
	void aValueThatIsNotTheNamedTypeCannotBeReadAndTheMessageSaysWhich() {
		Headers headers = new RecordHeaders().add(CloudEvents.TYPE,
				"com.geminihealth.booking.BookAppointment.v1".getBytes(StandardCharsets.UTF_8));

		assertThatExceptionOfType(ContractViolation.class).isThrownBy(() -> Topics.BOOKING_COMMANDS.valueSerde()
			.deserializer()
			.deserialize(Topics.BOOKING_COMMANDS.name(), headers, "{\"requestId\":".getBytes(StandardCharsets.UTF_8)))
			.withMessageStartingWith("com.geminihealth.booking.BookAppointment.v1 could not be read: ")
			.withMessageNotContaining("\n");
	}

	@Test
	void anEventOfAnotherTopicIsNotWritten() {
		assertThatExceptionOfType(ContractViolation.class)
			.isThrownBy(() -> valueSerde(Topics.BOOKING_COMMANDS).serializer()
				.serialize(Topics.BOOKING_COMMANDS.name(), new RecordHeaders(),
						Examples.of(AppointmentConfirmed.class)))
			.withMessage(AppointmentConfirmed.class.getName() + " is not an event of topic booking-commands");
	}

	@Test
	void aSingleTypeTopicIsReadableWithoutHeadersButAMixedOneIsNot() {
		ContactInquiryReceived inquiry = Examples.of(ContactInquiryReceived.class);
		byte[] value = Json.MAPPER.writeValueAsBytes(inquiry);

		assertThat(Topics.CONTACT_INQUIRIES.valueSerde().deserializer().deserialize("contact-inquiries", value))
			.isEqualTo(inquiry);
		assertThatExceptionOfType(ContractViolation.class)
			.isThrownBy(() -> Topics.APPOINTMENTS.valueSerde().deserializer().deserialize("appointments", value))
			.withMessage("missing ce_type header");
	}

	@Test
	void aTombstoneStaysNull() {
		Headers headers = new RecordHeaders();

		assertThat(valueSerde(Topics.APPOINTMENTS).serializer().serialize("appointments", headers, null)).isNull();
		assertThat(Topics.APPOINTMENTS.valueSerde().deserializer().deserialize("appointments", headers, (byte[]) null))
			.isNull();
		assertThat(headers.toArray()).isEmpty();
	}

	/** SHA-256 of "test", as {@code sha256sum} prints it. */
	static final String DIGEST_OF_TEST = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

	static Stream<Arguments> keys() {
		return Stream.of(Arguments.of(Topics.BOOKING_COMMANDS, Examples.LOCATION, "toronto-midtown"),
				Arguments.of(Topics.APPOINTMENTS, Examples.APPOINTMENT_ID, "3f2b8c1e-5d4a-4e7b-9c1f-2a6d8e0b4c71"),
				Arguments.of(Topics.CONTACT_INQUIRIES, Examples.of(ContactInquiryReceived.class).inquiryId(),
						"c7e2a9d4-6b1f-4a83-9e5d-2f8b0c4a7d16"),
				Arguments.of(Topics.DUE_NOTICES, Examples.APPOINTMENT_ID, "3f2b8c1e-5d4a-4e7b-9c1f-2a6d8e0b4c71"),
				Arguments.of(Topics.PATIENT_REPLIES, new PatientContact("+12892348001"), "+12892348001"),
				Arguments.of(Topics.NOTIFICATION_OUTCOMES, new NotificationId("a1b2:reminder:sms"),
						"a1b2:reminder:sms"),
				Arguments.of(Topics.DELIVERY_REPORTS, new NotificationId("a1b2:reminder:sms"), "a1b2:reminder:sms"),
				Arguments.of(Topics.IDEMPOTENCY_KEYS, Digest.of("test"), DIGEST_OF_TEST),
				Arguments.of(Topics.DESTINATION_USES, Digest.of("test"), DIGEST_OF_TEST),
				Arguments.of(Topics.APPOINTMENT_STATES, Examples.APPOINTMENT_ID,
						"3f2b8c1e-5d4a-4e7b-9c1f-2a6d8e0b4c71"),
				Arguments.of(Topics.PATIENT_PREFERENCES, new PatientContact("olivia.martin@example.com"),
						"olivia.martin@example.com"),
				Arguments.of(Topics.FRONT_DESK_MARKS, MarkId.of("follow-up", "3f2b8c1e"), "follow-up/3f2b8c1e"),
				Arguments.of(Topics.SCHEDULE_CHANGES, new ScheduleChangeId("maya-chen/2026-12-28/day"),
						"maya-chen/2026-12-28/day"),
				Arguments.of(Topics.ERASURES, ErasureId.of("c4e8a2f1-6b3d-4f9a-8e2c-1d7b5a9f3e60"),
						"c4e8a2f1-6b3d-4f9a-8e2c-1d7b5a9f3e60"),
				Arguments.of(Topics.TREATMENT_PLANS, new PatientContact("+15145550187"), "+15145550187"),
				Arguments.of(Topics.SESSION_FEEDBACK, Examples.APPOINTMENT_ID, "3f2b8c1e-5d4a-4e7b-9c1f-2a6d8e0b4c71"),
				Arguments.of(Topics.WAITLIST, WaitlistEntryId.of("7c4e1a93-2b8d-4f60-a5e1-3d9b7f2c0e48"),
						"7c4e1a93-2b8d-4f60-a5e1-3d9b7f2c0e48"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("keys")
	void keysArePlainUtf8Strings(Topic<?, ?> topic, Id key, String onTheWire) {
		Serde<Object> serde = keySerde(topic);

		byte[] bytes = serde.serializer().serialize(topic.name(), key);

		assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo(onTheWire);
		assertThat(serde.deserializer().deserialize(topic.name(), bytes)).isEqualTo(key);
	}

	@Test
	void everyTopicWithEventsHasAKeyExample() {
		assertThat(keys().map((arguments) -> arguments.get()[0])).containsExactlyInAnyOrderElementsOf(
				Topics.ALL.stream().filter((topic) -> !topic.eventTypes().isEmpty()).toList());
	}

	@Test
	void anAppointmentKeyThatIsNotAUuidIsAContractViolationNamingTheTopic() {
		assertThatExceptionOfType(ContractViolation.class)
			.isThrownBy(() -> Topics.APPOINTMENTS.keySerde()
				.deserializer()
				.deserialize("appointments", "toronto-midtown".getBytes(StandardCharsets.UTF_8)))
			.withMessageStartingWith("invalid key on appointments: ");
	}

	@Test
	void deadLettersKeepTheOriginalBytes() {
		byte[] original = "{\"requestId\":".getBytes(StandardCharsets.UTF_8);

		assertThat(Topics.BOOKING_COMMANDS_DEAD_LETTERS.name()).isEqualTo("booking-commands.dlt");
		assertThat(Topics.BOOKING_COMMANDS_DEAD_LETTERS.valueSerde()
			.serializer()
			.serialize("booking-commands.dlt", original)).isEqualTo(original);
		assertThat(Topics.BOOKING_COMMANDS_DEAD_LETTERS.keySerde()
			.deserializer()
			.deserialize("booking-commands.dlt", "toronto-midtown".getBytes(StandardCharsets.UTF_8)))
			.asString(StandardCharsets.UTF_8)
			.isEqualTo("toronto-midtown");
	}

	@SuppressWarnings("unchecked")
	private static Serde<Object> valueSerde(Topic<?, ?> topic) {
		return (Serde<Object>) topic.valueSerde();
	}

	@SuppressWarnings("unchecked")
	private static Serde<Object> keySerde(Topic<?, ?> topic) {
		return (Serde<Object>) topic.keySerde();
	}

	private static String header(Headers headers, String name) {
		return CloudEvents.header(headers, name);
	}

}
