package com.geminihealth.intake.integration;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import com.geminihealth.intake.IntakeIntegrationTest;
import com.geminihealth.intake.KafkaTopics;
import com.geminihealth.schemas.Examples;
import com.geminihealth.schemas.Topics;
import com.geminihealth.schemas.booking.AppointmentId;
import com.geminihealth.schemas.booking.Author;
import com.geminihealth.schemas.booking.BookAppointment;
import com.geminihealth.schemas.booking.CancelAppointment;
import com.geminihealth.schemas.booking.CommandId;
import com.geminihealth.schemas.booking.LocationId;
import com.geminihealth.schemas.booking.RequestId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntakeIntegrationTest
class SignedCommandIntegrationTest {

	static final String BOOK = "com.geminihealth.booking.BookAppointment.v1";

	static final String SECRET = "test-signing-secret";

	@Autowired
	MockMvc mvc;

	@Autowired
	KafkaTopics kafka;

	@Test
	void publishesACorrectlySignedCommandWithoutTheDirectBillingDetailsThePipelineDoesNotKeep() throws Exception {
		BookAppointment command = uniqueBooking();
		assertThat(command.directBilling()).isNotNull();
		String body = json(command);

		send(body, BOOK, "practice-system", now(), sign(SECRET, now(), body)).andExpect(status().isAccepted())
			.andExpect(jsonPath("$.statusUrl").value("/api/bookings/" + command.requestId().value()));

		assertThat(this.kafka.values(Topics.BOOKING_COMMANDS)).contains(command.withoutDirectBilling())
			.doesNotContain(command);
	}

	@Test
	void namesTheSigningIntegrationAsTheAuthorWhateverTheBodyClaims() throws Exception {
		CancelAppointment claimed = new CancelAppointment(CommandId.random(), new LocationId("burlington"),
				AppointmentId.random(), "moved to another clinic", Author.frontDesk("someone-else"));
		String body = new String(Topics.BOOKING_COMMANDS.valueSerde().serializer().serialize("any", claimed),
				StandardCharsets.UTF_8);

		send(body, "com.geminihealth.booking.CancelAppointment.v1", "practice-system", now(), sign(SECRET, now(), body))
			.andExpect(status().isAccepted());

		assertThat(this.kafka.values(Topics.BOOKING_COMMANDS))
			.anySatisfy((command) -> assertThat(command).isInstanceOfSatisfying(CancelAppointment.class, (cancel) -> {
				assertThat(cancel.commandId()).isEqualTo(claimed.commandId());
				assertThat(cancel.author()).isEqualTo(Author.integration("practice-system"));
			}));
	}

	@Test
	void refusesAWrongSignature() throws Exception {
		BookAppointment command = uniqueBooking();
		String body = json(command);

		send(body, BOOK, "practice-system", now(), sign("another-secret", now(), body))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.detail").value("signature does not match"));
		assertThat(this.kafka.values(Topics.BOOKING_COMMANDS)).doesNotContain(command);
	}

	@Test
	void refusesARequestSignedMoreThanFiveMinutesAgo() throws Exception {
		String body = json(uniqueBooking());
		String sixMinutesAgo = String.valueOf(Instant.now().minusSeconds(360).getEpochSecond());

		send(body, BOOK, "practice-system", sixMinutesAgo, sign(SECRET, sixMinutesAgo, body))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.detail").value("request is too old (or from the future)"));
	}

	@Test
	void refusesATimestampBeyondTheCalendarAsUnsigned() throws Exception {
		String body = json(uniqueBooking());
		String timestamp = String.valueOf(Long.MAX_VALUE);

		send(body, BOOK, "practice-system", timestamp, sign(SECRET, timestamp, body))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void refusesASignedCommandOverTheBodyLimitWith413() throws Exception {
		String body = json(uniqueBooking()).replaceFirst("\\{", "{\"padding\": \"" + "x".repeat(1024 * 1024) + "\", ");
		String timestamp = now();

		send(body, BOOK, "practice-system", timestamp, sign(SECRET, timestamp, body))
			.andExpect(status().isPayloadTooLarge());
	}

	@Test
	void refusesAnUnknownKey() throws Exception {
		String body = json(uniqueBooking());

		send(body, BOOK, "stranger", now(), sign(SECRET, now(), body)).andExpect(status().isUnauthorized());
	}

	@Test
	void rejectsASignedCommandThatBreaksTheSchemaFieldByField() throws Exception {
		BookAppointment command = uniqueBooking();
		String body = json(command).replace(command.patient().email(), "not-an-email");

		send(body, BOOK, "practice-system", now(), sign(SECRET, now(), body))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("patient.email"));
		assertThat(this.kafka.values(Topics.BOOKING_COMMANDS)).doesNotContain(command);
	}

	@Test
	void rejectsAnUnknownCommandType() throws Exception {
		String body = json(uniqueBooking());

		send(body, "com.geminihealth.booking.Teleport.v1", "practice-system", now(), sign(SECRET, now(), body))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("ce-type"));
	}

	private ResultActions send(String body, String ceType, String keyId, String timestamp, String signature)
			throws Exception {
		return this.mvc.perform(post("/integrations/booking-commands").contentType(MediaType.APPLICATION_JSON)
			.header("ce-type", ceType)
			.header(SignedCommandController.KEY_ID, keyId)
			.header(SignedCommandController.TIMESTAMP, timestamp)
			.header(SignedCommandController.SIGNATURE, signature)
			.content(body.getBytes(StandardCharsets.UTF_8)));
	}

	private static BookAppointment uniqueBooking() {
		BookAppointment example = Examples.of(BookAppointment.class);
		return new BookAppointment(new RequestId(UUID.randomUUID()), example.location(), example.service(),
				example.practitioner(), example.requestedStart(), example.patient(), example.notes(),
				example.directBilling(), example.channel());
	}

	private static String json(BookAppointment command) {
		return new String(Topics.BOOKING_COMMANDS.valueSerde().serializer().serialize("any", command),
				StandardCharsets.UTF_8);
	}

	private static String now() {
		return String.valueOf(Instant.now().getEpochSecond());
	}

	private static String sign(String secret, String timestamp, String body) {
		return RequestSignature.sign(secret, timestamp, body.getBytes(StandardCharsets.UTF_8));
	}

}
