package com.geminihealth.intake.booking;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import com.geminihealth.intake.NextClockChanges;
import com.geminihealth.intake.NextWeek;
import com.geminihealth.intake.IntakeIntegrationTest;
import com.geminihealth.intake.KafkaTopics;
import com.geminihealth.intake.web.ClientAddresses;
import com.geminihealth.schemas.CloudEvents;
import com.geminihealth.schemas.Topics;
import com.geminihealth.schemas.appointment.AppointmentDeclined;
import com.geminihealth.schemas.appointment.AppointmentEvent;
import com.geminihealth.schemas.appointment.DeclineReason;
import com.geminihealth.schemas.booking.BookAppointment;
import com.geminihealth.schemas.booking.BookingChannel;
import com.geminihealth.schemas.booking.BookingCommand;
import com.geminihealth.schemas.booking.Consent;
import com.geminihealth.schemas.booking.Language;
import com.geminihealth.schemas.booking.LocationId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntakeIntegrationTest
public class BookingApiIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	KafkaTopics kafka;

	@Test
	void acceptsABookingOnceKafkaHasItAndPublishesTheCommand() throws Exception {
		String name = "Claire " + UUID.randomUUID();
		book(body(name, "\"email\": \"claire@example.com\", \"mobilePhone\": \"(289) 234-8001\""), null)
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.status").value("PENDING"))
			.andExpect(jsonPath("$.statusUrl", startsWith("/api/bookings/")))
			.andExpect(header().string("Location", startsWith("/api/bookings/")));

		ConsumerRecord<LocationId, BookingCommand> record = only(commandsFor(name));
		BookAppointment command = (BookAppointment) record.value();
		assertThat(record.key()).isEqualTo(new LocationId("burlington"));
		assertThat(command.patient().mobilePhone()).isEqualTo("+12892348001");
		assertThat(command.patient().language()).isEqualTo(Language.FR);
		assertThat(command.patient().consent()).isEqualTo(new Consent(true, false, true));
		assertThat(command.channel()).isEqualTo(BookingChannel.ONLINE);
		assertThat(command.requestedStart()).hasToString(NextWeek.TEN_AM);
		assertThat(CloudEvents.header(record.headers(), CloudEvents.TYPE))
			.isEqualTo("com.geminihealth.booking.BookAppointment.v1");
		assertThat(CloudEvents.header(record.headers(), CloudEvents.ID)).isNotBlank();
	}

	@Test
	void answersARetryWithTheSameIdempotencyKeyWithTheFirstAnswerAndDecidesItOnce() throws Exception {
		String name = "Retry " + UUID.randomUUID();
		String key = UUID.randomUUID().toString();
		String first = book(body(name, "\"email\": \"r@example.com\""), key).andExpect(status().isAccepted())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String second = book(body(name, "\"email\": \"r@example.com\""), key).andExpect(status().isAccepted())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(second).isEqualTo(first);
		String requestId = JsonPath.read(first, "$.requestId");
		assertThat(commandsFor(name)).hasSize(2)
			.allSatisfy((record) -> assertThat(((BookAppointment) record.value()).requestId().value())
				.isEqualTo(requestId));
		// A later booking at the same location is decided after the retry, so by then the
		// retry has been seen too.
		String later = JsonPath.read(
				book(body("Later " + UUID.randomUUID(), "\"email\": \"l@example.com\"").replace(NextWeek.TEN_AM,
						NextWeek.MONDAY.plusWeeks(2) + "T16:00"), null)
					.andReturn()
					.getResponse()
					.getContentAsString(),
				"$.requestId");
		await().atMost(Duration.ofSeconds(30)).until(() -> decisionsFor(later).size() == 1);
		assertThat(decisionsFor(requestId)).hasSize(1);
	}

	@Test
	void neverMakesTheRequestIdFromTheKeySoAKnownKeyRevealsNoAppointment() throws Exception {
		String key = "demo-" + NextWeek.TEN_AM;
		String answer = book(body("Guess " + UUID.randomUUID(), "\"email\": \"g@example.com\""), key)
			.andExpect(status().isAccepted())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(JsonPath.<String>read(answer, "$.requestId"))
			.isNotEqualTo(UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString());
	}

	@Test
	void refusesAnIdempotencyKeyReusedWithAnotherBody() throws Exception {
		String key = UUID.randomUUID().toString();
		book(body("First " + UUID.randomUUID(), "\"email\": \"a@example.com\""), key).andExpect(status().isAccepted());
		String other = "Other " + UUID.randomUUID();

		book(body(other, "\"email\": \"a@example.com\""), key).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("Idempotency-Key"));
		assertThat(commandsFor(other)).isEmpty();
	}

	@Test
	void rejectsEveryInvalidFieldAtOnceAndPublishesNothing() throws Exception {
		String name = "Invalid " + UUID.randomUUID();
		String json = """
				{"patientName": "%s", "email": "not-an-email", "mobilePhone": "416-555",
				 "location": "atlantis", "service": "reiki", "practitioner": "nobody",
				 "requestedStart": "2020-01-01T10:00"}""".formatted(name);

		book(json, null).andExpect(status().isUnprocessableContent())
			.andExpect(header().string("Content-Type", "application/problem+json"))
			.andExpect(jsonPath("$.errors[*].field",
					containsInAnyOrder("email", "mobilePhone", "location", "service", "practitioner")))
			.andExpect(jsonPath("$.errors[*].message", hasItem("is not a valid phone number")));
		assertThat(commandsFor(name)).isEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			an email domain without a dot      | "email": "ina@clinic"                   | email
			a five-digit year                  | "requestedStart": "+99999-01-01T10:00"  | requestedStart
			a NUL character in the name        | "patientName": "Ina\\u0000 Roy"       | patientName
			a name of 101 characters           | "patientName": "%s"                     | patientName
			notes of 2001 characters           | "notes": "%s"                           | notes
			""")
	void refusesWhatTheContractRefusesOnTheFieldSoNothingAcceptedGoesUndecided(String what, String field,
			String expected) throws Exception {
		String name = "Contract " + UUID.randomUUID();
		String json = withField(body(name, "\"email\": \"ina@example.com\""),
				field.formatted("x".repeat(field.contains("patientName") ? 101 : 2001)));

		book(json, null).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[*].field", hasItem(expected)));
		assertThat(commandsFor(name)).isEmpty();
	}

	@Test
	void refusesANameThatIsNotText() throws Exception {
		String json = withField(body("Typed", "\"email\": \"t@example.com\""), "\"patientName\": true");

		book(json, null).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("patientName"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "*/*", "application/*" })
	void answersAWildcardContentTypeWith415(String type) throws Exception {
		this.mvc
			.perform(post("/api/bookings").with(ClientAddresses.fresh())
				.header("Content-Type", type)
				.content(body("Wild", "\"email\": \"w@example.com\"")))
			.andExpect(status().isUnsupportedMediaType())
			.andExpect(jsonPath("$.errors[0].field").value("Content-Type"));
	}

	@Test
	void refusesABodyOverTheLimitBeforeReadingIt() throws Exception {
		String name = "Large " + UUID.randomUUID();
		String json = withField(body(name, "\"email\": \"l@example.com\""),
				"\"padding\": \"" + "x".repeat(1024 * 1024) + "\"");

		book(json, null).andExpect(status().isPayloadTooLarge());
		assertThat(commandsFor(name)).isEmpty();
	}

	/** The body with one field added, or replaced where JSON keeps the last of two. */
	private static String withField(String json, String field) {
		return json.substring(0, json.lastIndexOf('}')) + ", " + field + "}";
	}

	@Test
	void rejectsAStartTimeInThePast() throws Exception {
		String json = """
				{"patientName": "Past", "email": "p@example.com", "location": "burlington",
				 "service": "chiro-visit", "requestedStart": "2020-01-01T10:00"}""";

		book(json, null).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("requestedStart"))
			.andExpect(jsonPath("$.errors[0].message").value("must be in the future"));
	}

	@Test
	void rejectsAMalformedStartTimeNamingTheField() throws Exception {
		String json = """
				{"patientName": "Malformed", "email": "m@example.com", "location": "burlington",
				 "service": "chiro-visit", "requestedStart": "next tuesday"}""";

		book(json, null).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("requestedStart"));
	}

	@Test
	void declinesATimeTheClocksSkipSayingWhyRatherThanMovingIt() throws Exception {
		String skipped = NextClockChanges.skippedTime().toString();
		String answer = book(
				body("Gap " + UUID.randomUUID(), "\"email\": \"gap@example.com\"").replace(NextWeek.TEN_AM, skipped),
				null)
			.andExpect(status().isAccepted())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String requestId = JsonPath.read(answer, "$.requestId");

		await().atMost(Duration.ofSeconds(30)).until(() -> decisionsFor(requestId).size() == 1);
		AppointmentDeclined declined = (AppointmentDeclined) only(decisionsFor(requestId));
		assertThat(declined.reason()).isEqualTo(DeclineReason.NONEXISTENT_LOCAL_TIME);
		assertThat(declined.requestedStart()).hasToString(skipped);
		this.mvc.perform(get("/api/bookings/" + requestId))
			.andExpect(jsonPath("$.status").value("DECLINED"))
			.andExpect(jsonPath("$.reason").value("NONEXISTENT_LOCAL_TIME"));
	}

	@Test
	void carriesTheOffsetThatPicksTheSecondOccurrenceOfARepeatedTimeIntoTheCommand() throws Exception {
		String name = "Repeated " + UUID.randomUUID();
		String repeated = NextClockChanges.repeatedTime().toString();
		String json = withField(body(name, "\"email\": \"repeat@example.com\"").replace(NextWeek.TEN_AM, repeated),
				"\"requestedOffset\": \"-05:00\"");

		book(json, null).andExpect(status().isAccepted());

		BookAppointment command = (BookAppointment) only(commandsFor(name)).value();
		assertThat(command.requestedStart()).hasToString(repeated);
		assertThat(command.requestedOffset()).isEqualTo(ZoneOffset.ofHours(-5));
		book(json.replace("-05:00", "EST"), null).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("requestedOffset"));
	}

	@Test
	void requiresAWayToReachThePatient() throws Exception {
		String json = """
				{"patientName": "Nobody", "location": "burlington", "service": "chiro-visit",
				 "requestedStart": "%s"}""".formatted(NextWeek.TEN_AM);

		book(json, null).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("email"));
	}

	@Test
	void rejectsABodyThatIsNotJson() throws Exception {
		book("{not json", null).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("body"));
	}

	@Test
	void readsJsonOnlyThoughXmlAndYamlLibrariesAreOnTheClassPath() throws Exception {
		for (MediaType type : List.of(MediaType.TEXT_PLAIN, MediaType.APPLICATION_XML, MediaType.APPLICATION_YAML)) {
			this.mvc
				.perform(post("/api/bookings").with(ClientAddresses.fresh())
					.contentType(type)
					.content("<BookingRequest><patientName>Ada</patientName></BookingRequest>"))
				.andExpect(status().isUnsupportedMediaType())
				.andExpect(header().string("Accept", "application/json, application/*+json"))
				.andExpect(jsonPath("$.errors[0].field").value("Content-Type"))
				.andExpect(jsonPath("$.errors[0].message").value("must be application/json, application/*+json"));
		}
	}

	@Test
	void limitsABurstFromOneAddressWithRetryAfter() throws Exception {
		var address = ClientAddresses.fresh();
		String invalid = "{\"patientName\": \"\"}";
		for (int i = 0; i < 5; i++) {
			this.mvc
				.perform(post("/api/bookings").with(address).contentType(MediaType.APPLICATION_JSON).content(invalid))
				.andExpect(status().isUnprocessableContent());
		}
		this.mvc.perform(post("/api/bookings").with(address).contentType(MediaType.APPLICATION_JSON).content(invalid))
			.andExpect(status().isTooManyRequests())
			.andExpect(header().exists("Retry-After"))
			.andExpect(header().string("Content-Type", MediaType.APPLICATION_PROBLEM_JSON_VALUE));
	}

	private ResultActions book(String json, String idempotencyKey) throws Exception {
		var request = post("/api/bookings").with(ClientAddresses.fresh())
			.contentType(MediaType.APPLICATION_JSON)
			.content(json.getBytes(StandardCharsets.UTF_8));
		if (idempotencyKey != null) {
			request.header("Idempotency-Key", idempotencyKey);
		}
		return this.mvc.perform(request);
	}

	static String body(String name, String contact) {
		return """
				{"patientName": "%s", %s, "language": "fr", "smsConsent": %s, "followUpConsent": false,
				 "feedbackConsent": true, "location": "burlington", "service": "rmt-deep-tissue-60",
				 "practitioner": "maya-chen", "requestedStart": "%s", "notes": "Lower back", "insurer": "Sun Life",
				 "memberNumber": "123456"}""".formatted(name, contact, contact.contains("mobilePhone"),
				NextWeek.TEN_AM);
	}

	private List<ConsumerRecord<LocationId, BookingCommand>> commandsFor(String patientName) {
		return this.kafka.read(Topics.BOOKING_COMMANDS)
			.stream()
			.filter((record) -> record.value() instanceof BookAppointment book
					&& book.patient().name().equals(patientName))
			.toList();
	}

	private List<AppointmentEvent> decisionsFor(String requestId) {
		return this.kafka.read(Topics.APPOINTMENTS)
			.stream()
			.filter((record) -> record.key().value().equals(requestId))
			.map(ConsumerRecord::value)
			.toList();
	}

	private static <T> T only(List<T> items) {
		assertThat(items).hasSize(1);
		return items.get(0);
	}

}
