package com.geminihealth.schemas;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import com.geminihealth.schemas.booking.BookAppointment;
import com.geminihealth.schemas.patient.OptedOut;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a person reads when a command breaks the contract: one message per field, in the
 * {@code $.path: message} shape the HTTP intake maps to form fields, that says what the
 * field must be and never quotes the value.
 */
class ContractMessagesTest {

	@Test
	void anEmailThatBreaksBothItsPatternAndItsFormatGetsOneMessage() {
		assertThat(bookingWith((booking) -> patient(booking).put("email", "olivia@@example.com")))
			.containsExactly("$.patient.email: must be a valid email address");
		assertThat(bookingWith((booking) -> patient(booking).put("email", "ina@clinic")))
			.containsExactly("$.patient.email: must be a valid email address");
	}

	@Test
	void aMissingFieldIsNamedByItsOwnPath() {
		assertThat(bookingWith((booking) -> {
			booking.remove("requestId");
			((ObjectNode) booking.get("directBilling")).remove("memberNumber");
		})).containsExactlyInAnyOrder("$.requestId: is required", "$.directBilling.memberNumber: is required");
	}

	@Test
	void eachKeywordSaysWhatTheFieldMustBe() {
		assertThat(bookingWith((booking) -> {
			booking.put("service", "");
			booking.put("location", 12);
			booking.put("requestedStart", "2026-12-01T10:00:00-05:00");
			booking.put("channel", "FAX");
			patient(booking).put("name", 5).put("language", "EN").put("mobilePhone", "416-555-0123");
		})).containsExactlyInAnyOrder("$.service: must not be empty", "$.location: must be a string",
				"$.requestedStart: must be a valid local date and time such as 2026-12-01T10:00",
				"$.channel: must be one of \"ONLINE\", \"FRONT_DESK\", \"INTEGRATION\"",
				"$.patient.name: must be a string", "$.patient.language: must be one of \"en\", \"fr\"",
				"$.patient.mobilePhone: must be a phone number in E.164 form such as +12892348001");
	}

	@Test
	void aBlankNameAndATooLongEmailSayWhy() {
		String longButWellFormed = "a".repeat(64) + "@" + ("b".repeat(63) + ".").repeat(3) + "com";

		assertThat(bookingWith((booking) -> patient(booking).put("name", "   ").put("email", longButWellFormed)))
			.containsExactly("$.patient.name: must not be blank",
					"$.patient.email: must be at most 254 characters long");
	}

	@Test
	void textWithControlCharactersSaysWhichAreAllowed() {
		assertThat(bookingWith((booking) -> {
			booking.put("notes", "red \u001b[31m alert");
			patient(booking).put("name", "Ina\nDirect");
		})).containsExactlyInAnyOrder(
				"$.notes: must be text without control characters other than tabs and line breaks",
				"$.patient.name: must be one line of text without control characters");
	}

	@Test
	void aValueThatMatchesNoAlternativeOfAnAnyOfGetsOneMessageNamingThemAll() {
		ObjectNode optedOut = (ObjectNode) Json.MAPPER.valueToTree(Examples.of(OptedOut.class));
		optedOut.put("contact", "olivia@@example.com");

		assertThat(Contract.violations(ContractFiles.eventType(OptedOut.class), bytes(optedOut))).containsExactly(
				"$.contact: must be a phone number in E.164 form such as +12892348001 or a valid email address");
		assertThat(bookingWith((booking) -> patient(booking).remove(List.of("email", "mobilePhone"))))
			.containsExactly("$.patient: must have email or mobilePhone");
	}

	@Test
	void theWholeValueIsNamedByTheRoot() {
		assertThat(Contract.violations(ContractFiles.eventType(BookAppointment.class), "[1]".getBytes()))
			.containsExactly("$: must be an object");
	}

	/**
	 * Every pattern and format of the published schemas has words; a new one falls back
	 * to "is not in the expected form" until it gets some.
	 */
	@Test
	void everyPatternAndFormatOfTheContractHasWords() {
		List<String> resources = new ArrayList<>(ContractFiles.schemaFiles("contract/schemas")
			.stream()
			.map(ContractFiles.SchemaFile::resource)
			.toList());
		resources.add("contract/schemas/common.v1.schema.json");
		List<String> checked = new ArrayList<>();

		for (String resource : resources) {
			forEachForm(Json.MAPPER.readTree(ContractFiles.read(resource)), new ArrayList<>(),
					(pointer, keyword, argument) -> {
						checked.add(resource + "#/" + String.join("/", pointer) + "/" + keyword);
						assertThat(ContractMessages.form(pointer, keyword, argument))
							.as(resource + "#/" + String.join("/", pointer) + "/" + keyword)
							.isNotNull();
					});
		}
		assertThat(checked).contains("contract/schemas/common.v1.schema.json#/$defs/Email/format");
	}

	private static List<String> bookingWith(Consumer<ObjectNode> change) {
		ObjectNode booking = (ObjectNode) Json.MAPPER.valueToTree(Examples.of(BookAppointment.class));
		change.accept(booking);
		return Contract.violations(ContractFiles.eventType(BookAppointment.class), bytes(booking));
	}

	private static ObjectNode patient(ObjectNode booking) {
		return (ObjectNode) booking.get("patient");
	}

	private static byte[] bytes(JsonNode json) {
		return Json.MAPPER.writeValueAsBytes(json);
	}

	private static void forEachForm(JsonNode schema, List<String> pointer, FormVisitor visitor) {
		for (String keyword : List.of("pattern", "format")) {
			if (schema.path(keyword).isString()) {
				visitor.visit(List.copyOf(pointer), keyword, schema.get(keyword).asString());
			}
		}
		if (schema.isArray()) {
			for (int i = 0; i < schema.size(); i++) {
				pointer.add(String.valueOf(i));
				forEachForm(schema.get(i), pointer, visitor);
				pointer.remove(pointer.size() - 1);
			}
		}
		for (Map.Entry<String, JsonNode> property : schema.properties()) {
			pointer.add(property.getKey());
			forEachForm(property.getValue(), pointer, visitor);
			pointer.remove(pointer.size() - 1);
		}
	}

	private interface FormVisitor {

		void visit(List<String> pointer, String keyword, String argument);

	}

}
