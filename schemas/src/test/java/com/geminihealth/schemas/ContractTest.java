package com.geminihealth.schemas;

import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import com.geminihealth.schemas.ContractFiles.SchemaFile;
import com.geminihealth.schemas.appointment.AppointmentConfirmed;
import com.geminihealth.schemas.appointment.CommandRejected;
import com.geminihealth.schemas.booking.BookAppointment;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The records, the published JSON Schemas and the published examples agree, and every
 * published schema version still accepts the examples of the version before it.
 */
class ContractTest {

	static Stream<EventType<?>> eventTypes() {
		return ContractFiles.eventTypes();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("eventTypes")
	void theJavaExampleOnTheWireSatisfiesItsSchema(EventType<?> type) {
		byte[] json = Json.MAPPER.writeValueAsBytes(Examples.of(type.javaType()));

		assertThat(Contract.violations(type, json)).isEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("eventTypes")
	void thePublishedExampleSatisfiesItsSchemaAndReadsAsTheRecord(EventType<?> type) {
		String json = ContractFiles.read(type.exampleResource());

		assertThat(Contract.violations(type.schemaResource(), json)).isEmpty();
		Object read = Json.MAPPER.readValue(json, type.javaType());
		assertThat(read).isEqualTo(Examples.of(type.javaType()));
		assertThat(Json.MAPPER.readTree(Json.MAPPER.writeValueAsString(read))).isEqualTo(Json.MAPPER.readTree(json));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("eventTypes")
	void theSchemaDescribesExactlyTheFieldsOfTheRecord(EventType<?> type) {
		JsonNode schema = Json.MAPPER.readTree(ContractFiles.read(type.schemaResource()));

		assertThat(schema.path("$schema").asString()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
		assertThat(schema.path("$id").asString()).isEqualTo(
				Contract.SCHEMA_ID_PREFIX + type.family() + "/" + type.name() + ".v" + type.version() + ".schema.json");
		assertThat(schema.path("title").asString()).isNotBlank();
		assertThat(schema.path("description").asString()).isNotBlank();
		assertThat(schema.path("type").asString()).isEqualTo("object");
		assertThat(schema.path("additionalProperties").asBoolean(false)).as("forward-compatible").isTrue();
		Set<String> properties = new TreeSet<>(schema.path("properties").propertyNames());
		assertThat(properties).isEqualTo(componentNames(type.javaType()));
		List<String> required = schema.path("required").valueStream().map(JsonNode::asString).toList();
		assertThat(properties).containsAll(required);
		Arrays.stream(type.javaType().getRecordComponents())
			.filter((component) -> component.getType().isPrimitive())
			.forEach((component) -> assertThat(required).as("always on the wire").contains(component.getName()));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("eventTypes")
	void anOptionalFieldMayBeAbsentAndARequiredOneMayNot(EventType<?> type) {
		ObjectNode example = (ObjectNode) Json.MAPPER.valueToTree(Examples.of(type.javaType()));
		JsonNode schema = Json.MAPPER.readTree(ContractFiles.read(type.schemaResource()));
		// the examples of conditional requirements (if/then) meet the condition
		List<String> required = Stream.of(schema.path("required"), schema.path("then").path("required"))
			.flatMap(JsonNode::valueStream)
			.map(JsonNode::asString)
			.toList();

		for (String field : example.propertyNames()) {
			ObjectNode without = example.deepCopy();
			without.remove(field);
			List<String> violations = Contract.violations(type.schemaResource(), without.toString());
			if (required.contains(field)) {
				assertThat(violations).as("without " + field).contains("$." + field + ": is required");
			}
			else {
				assertThat(violations).as("without " + field).isEmpty();
				assertThat(Json.MAPPER.readValue(without.toString(), type.javaType())).as("without " + field)
					.isNotNull();
			}
		}
	}

	@Test
	void everyPublishedSchemaIsAValidDraft202012SchemaOfAnEventTypeOfTheCatalogue() {
		Schema metaSchema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
			.getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
		List<String> published = new ArrayList<>(
				ContractFiles.schemaFiles("contract/schemas").stream().map(SchemaFile::resource).toList());
		published.add("contract/schemas/common.v1.schema.json");

		assertThat(published).containsAll(eventTypes().map(EventType::schemaResource).toList());
		for (String resource : published) {
			assertThat(metaSchema.validate(ContractFiles.read(resource), InputFormat.JSON)).as(resource).isEmpty();
		}
		assertThat(ContractFiles.schemaFiles("contract/schemas")).allSatisfy(
				(file) -> assertThat(eventTypes().map(EventType::name)).as(file.resource()).contains(file.name()));
	}

	@Test
	void everyPublishedSchemaVersionAcceptsTheExamplesOfTheVersionBefore() {
		List<SchemaFile> published = ContractFiles.schemaFiles("contract/schemas");

		assertThat(published).extracting(SchemaFile::resource)
			.containsAll(eventTypes().map(EventType::schemaResource).toList());
		assertThat(published).allSatisfy((file) -> assertThat(backwardIncompatibilities(file)).isEmpty());
	}

	@Test
	void aNewVersionThatRequiresANewFieldIsCaughtAsIncompatible() {
		List<SchemaFile> breaking = ContractFiles.schemaFiles("compatibility");

		assertThat(breaking).singleElement().satisfies((file) -> {
			assertThat(file.version()).isEqualTo(2);
			assertThat(backwardIncompatibilities(file)).singleElement()
				.asString()
				.contains("BookAppointment.v1.json")
				.contains("$.preferredPronouns: is required");
		});
	}

	/**
	 * What is wrong with the examples of version n-1 under version n of a schema; nothing
	 * for a first version.
	 */
	private static List<String> backwardIncompatibilities(SchemaFile file) {
		if (file.version() == 1) {
			return List.of();
		}
		String previousExample = file.previousExampleResource();
		if (!ContractFiles.exists(previousExample)) {
			return List.of(file.resource() + " has no previous example " + previousExample);
		}
		return Contract.violations(file.resource(), ContractFiles.read(previousExample))
			.stream()
			.map((violation) -> previousExample + " under " + file.resource() + ": " + violation)
			.toList();
	}

	@Test
	void anInvalidBookingIsRejectedWithAMessagePerFieldThatNamesTheField() {
		EventType<?> type = ContractFiles.eventType(BookAppointment.class);
		ObjectNode booking = (ObjectNode) Json.MAPPER.valueToTree(Examples.of(BookAppointment.class));
		booking.remove("requestId");
		((ObjectNode) booking.get("patient")).put("email", "not-an-email").put("mobilePhone", "416-555");

		List<String> violations = Contract.violations(type, booking.toString().getBytes(StandardCharsets.UTF_8));

		assertThat(violations).containsExactlyInAnyOrder("$.requestId: is required",
				"$.patient.email: must be a valid email address",
				"$.patient.mobilePhone: must be a phone number in E.164 form such as +12892348001");
	}

	@Test
	void timesAndLanguagesMustBeInTheirWireForm() {
		ObjectNode booking = (ObjectNode) Json.MAPPER.valueToTree(Examples.of(BookAppointment.class));
		booking.put("requestedStart", "2026-12-01T10:00:00-05:00");
		((ObjectNode) booking.get("patient")).put("language", "EN");

		List<String> violations = Contract.violations(ContractFiles.eventType(BookAppointment.class),
				booking.toString().getBytes(StandardCharsets.UTF_8));

		assertThat(violations).containsExactlyInAnyOrder(
				"$.requestedStart: must be a valid local date and time such as 2026-12-01T10:00",
				"$.patient.language: must be one of \"en\", \"fr\"");
	}

	@Test
	void anOffsetBesideAWallClockTimeMustBeAUtcOffset() {
		ObjectNode booking = (ObjectNode) Json.MAPPER.valueToTree(Examples.of(BookAppointment.class));
		booking.put("requestedStart", "2027-11-07T01:30:00").put("requestedOffset", "-05:00");

		assertThat(Contract.violations(ContractFiles.eventType(BookAppointment.class),
				booking.toString().getBytes(StandardCharsets.UTF_8)))
			.isEmpty();
		assertThat(Json.MAPPER.readValue(booking.toString(), BookAppointment.class).requestedOffset())
			.isEqualTo(ZoneOffset.ofHours(-5));

		booking.put("requestedOffset", "EST");

		assertThat(Contract.violations(ContractFiles.eventType(BookAppointment.class),
				booking.toString().getBytes(StandardCharsets.UTF_8)))
			.containsExactly("$.requestedOffset: must be a UTC offset such as -05:00");
	}

	/**
	 * A booking request that broke the contract is answered by its request id: it has no
	 * command id.
	 */
	@Test
	void aBrokenBookingRequestsRejectionKeepsTheContract() {
		CommandRejected rejected = new CommandRejected(null, Examples.APPOINTMENT_ID, "BookAppointment",
				CommandRejected.Reason.INVALID_COMMAND,
				"com.geminihealth.booking.BookAppointment.v1 is invalid: $.patient.email: must be a valid email address");

		assertThat(Contract.violations(ContractFiles.eventType(CommandRejected.class),
				Json.MAPPER.writeValueAsBytes(rejected)))
			.isEmpty();
	}

	@Test
	void notJsonAtAllIsOneReadableViolation() {
		assertThat(Contract.violations(ContractFiles.eventType(BookAppointment.class), "{\"requestId\":".getBytes()))
			.singleElement()
			.asString()
			.startsWith("$: is not JSON");
		assertThat(Contract.violations(ContractFiles.eventType(BookAppointment.class), new byte[0]))
			.containsExactly("$: is empty, not JSON");
	}

	/** The parser's own message quotes the input: here, the start of a patient's name. */
	@Test
	void jsonThatDoesNotParseIsLocatedWithoutQuotingIt() {
		byte[] broken = "{\n  \"patient\": Marie-Claire Tremblay}".getBytes(StandardCharsets.UTF_8);

		assertThat(Contract.violations(ContractFiles.eventType(BookAppointment.class), broken))
			.containsExactly("$: is not JSON (line 2, column 14)");
	}

	/**
	 * With format assertions on (annotations only by default in draft 2020-12), the
	 * {@code format} keywords check what the patterns cannot, such as the 30th of
	 * February, and every example still passes.
	 */
	@Test
	void withFormatAssertionsOnTheFormatsAreCheckedToo() {
		SchemaRegistry asserting = SchemaRegistry
			.withDefaultDialect(SpecificationVersion.DRAFT_2020_12, (builder) -> builder.schemaRegistryConfig(
					SchemaRegistryConfig.builder().formatAssertionsEnabled(true).pathType(PathType.JSON_PATH).build())
				.schemaIdResolvers(
						(resolvers) -> resolvers.mapPrefix(Contract.SCHEMA_ID_PREFIX, "classpath:contract/schemas/")));
		eventTypes()
			.forEach((type) -> assertThat(asserting.getSchema(SchemaLocation.of("classpath:" + type.schemaResource()))
				.validate(ContractFiles.read(type.exampleResource()), InputFormat.JSON)).as(type.ceType()).isEmpty());

		ObjectNode confirmed = (ObjectNode) Json.MAPPER.valueToTree(Examples.of(AppointmentConfirmed.class));
		((ObjectNode) confirmed.get("appointment")).put("start", "2026-02-30T15:00:00Z");
		((ObjectNode) confirmed.get("appointment").get("patient")).put("email", "olivia@@example.com");

		assertThat(asserting
			.getSchema(SchemaLocation
				.of("classpath:contract/schemas/appointment/" + "AppointmentConfirmed.v1.schema.json"))
			.validate(confirmed.toString(), InputFormat.JSON))
			.extracting(Object::toString)
			.anySatisfy((violation) -> assertThat(violation)
				.startsWith("$.appointment.start: does not match the date-time pattern"))
			.anySatisfy((violation) -> assertThat(violation)
				.startsWith("$.appointment.patient.email: does not match the email pattern"));
	}

	private static Set<String> componentNames(Class<?> record) {
		return new TreeSet<>(Arrays.stream(record.getRecordComponents()).map(RecordComponent::getName).toList());
	}

}
