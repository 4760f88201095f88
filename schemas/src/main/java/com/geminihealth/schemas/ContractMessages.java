package com.geminihealth.schemas;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.networknt.schema.Error;
import com.networknt.schema.path.NodePath;
import tools.jackson.databind.JsonNode;

import static java.util.Map.entry;

/**
 * Words for a person for what the schema validator finds: one message per field, as
 * {@code $.path: message}, since the HTTP intake maps the path to a form field. The
 * validator's own messages quote regular expressions, follow the JVM's locale, and name
 * an email address that breaks both its pattern and its format twice, once as "does not
 * match the email pattern must be a valid RFC 5321 Mailbox". No message quotes the value
 * that was checked: it may be personal data.
 */
final class ContractMessages {

	/**
	 * What a value of each shared definition must be, by its name under {@code $defs}, so
	 * that its pattern and its format read the same.
	 */
	private static final Map<String, String> DEFINITIONS = Map.ofEntries(entry("Uuid", "a UUID"),
			entry("Digest", "a SHA-256 digest in lowercase hex"),
			entry("Slug", "an id of letters, digits, '.', '_' and '-' such as toronto-midtown"),
			entry("Email", "a valid email address"),
			entry("Phone", "a phone number in E.164 form such as +12892348001"),
			entry("Instant", "a valid date and time with its offset such as 2026-12-01T15:00:00Z"),
			entry("LocalDateTime", "a valid local date and time such as 2026-12-01T10:00"),
			entry("LocalDate", "a valid date such as 2026-12-28"),
			entry("LocalTime", "a valid time of day such as 12:30"), entry("UtcOffset", "a UTC offset such as -05:00"),
			entry("ZoneId", "a time zone such as America/Toronto"), entry("NotificationId", "an id without spaces"),
			entry("PlainText", "one line of text without control characters"),
			entry("FreeText", "text without control characters other than tabs and line breaks"));

	/** What a value of each format must be, where no shared definition says. */
	private static final Map<String, String> FORMATS = Map.ofEntries(entry("email", "a valid email address"),
			entry("date-time", "a valid date and time"), entry("date", "a valid date"), entry("time", "a valid time"),
			entry("uuid", "a UUID"));

	/**
	 * The contract's way of saying "not blank": at least one character that is not a
	 * space.
	 */
	private static final String NOT_BLANK = "\\S";

	private ContractMessages() {
	}

	static List<String> describe(Collection<Error> errors) {
		Map<String, List<Finding>> byField = new LinkedHashMap<>();
		for (Error error : errors) {
			Finding finding = Finding.of(error);
			byField.computeIfAbsent(finding.field(), (field) -> new ArrayList<>()).add(finding);
		}
		List<String> messages = new ArrayList<>();
		byField.forEach((field, findings) -> messages.add(field + ": " + message(findings)));
		return messages;
	}

	/**
	 * What a value checked by {@code keyword} ({@code pattern} or {@code format}) at
	 * {@code schemaPointer} must be; {@code null} when the contract has no words for it.
	 */
	static Phrase form(List<String> schemaPointer, String keyword, String argument) {
		if (schemaPointer.size() == 2 && "$defs".equals(schemaPointer.get(0))
				&& DEFINITIONS.containsKey(schemaPointer.get(1))) {
			return new Phrase("must be", DEFINITIONS.get(schemaPointer.get(1)));
		}
		if ("pattern".equals(keyword) && NOT_BLANK.equals(argument)) {
			return new Phrase("must not be", "blank");
		}
		if ("format".equals(keyword) && FORMATS.containsKey(argument)) {
			return new Phrase("must be", FORMATS.get(argument));
		}
		return null;
	}

	/**
	 * One message for everything found at one field: the first thing that is wrong with
	 * it; or, when it matched none of the alternatives of an {@code anyOf}, what each
	 * alternative asks for.
	 */
	private static String message(List<Finding> findings) {
		Map<String, Phrase> byAlternative = new LinkedHashMap<>();
		for (Finding finding : findings) {
			if (finding.alternative() == null) {
				return finding.phrase().toString();
			}
			byAlternative.putIfAbsent(finding.alternative(), finding.phrase());
		}
		return Phrase.either(byAlternative.values());
	}

	private static Phrase phrase(Error error) {
		String argument = (error.getArguments() != null && error.getArguments().length > 0)
				? String.valueOf(error.getArguments()[0]) : "";
		return switch (error.getKeyword()) {
			case "required" -> new Phrase("must have", error.getProperty());
			case "type" -> new Phrase("must be", typeNames(error.getSchemaNode()));
			case "enum" -> new Phrase("must be one of", listed(error.getSchemaNode()));
			case "const" -> new Phrase("must be", String.valueOf(error.getSchemaNode()));
			case "minLength" -> "1".equals(argument) ? new Phrase("must not be", "empty")
					: new Phrase("must be", "at least " + argument + " characters long");
			case "maxLength" -> new Phrase("must be", "at most " + argument + " characters long");
			case "minimum" -> new Phrase("must be", "at least " + argument);
			case "maximum" -> new Phrase("must be", "at most " + argument);
			case "minItems" -> new Phrase("must have", "at least " + argument + " items");
			case "maxItems" -> new Phrase("must have", "at most " + argument + " items");
			case "pattern", "format" -> formOf(error, argument);
			default -> new Phrase("", error.getMessage());
		};
	}

	private static Phrase formOf(Error error, String argument) {
		NodePath at = error.getSchemaLocation().getFragment().getParent();
		List<String> pointer = new ArrayList<>();
		for (int i = 0; i < at.getNameCount(); i++) {
			pointer.add(at.getName(i));
		}
		Phrase known = form(pointer, error.getKeyword(), argument);
		return (known != null) ? known : new Phrase("is not", "in the expected form");
	}

	/** {@code "string"} or {@code ["string", "null"]}, in words. */
	private static String typeNames(JsonNode types) {
		if (types == null) {
			return "of another type";
		}
		List<JsonNode> each = types.isArray() ? types.valueStream().toList() : List.of(types);
		return each.stream().map((type) -> typeName(type.asString())).collect(Collectors.joining(" or "));
	}

	private static String typeName(String type) {
		return switch (type) {
			case "object" -> "an object";
			case "array" -> "an array";
			case "integer" -> "a whole number";
			case "boolean" -> "true or false";
			default -> "a " + type;
		};
	}

	private static String listed(JsonNode values) {
		return (values != null) ? values.valueStream().map(JsonNode::toString).collect(Collectors.joining(", ")) : "";
	}

	/**
	 * What the validator found at one field. {@code alternative} names the branch of an
	 * {@code anyOf} it comes from, if any: a field fails an {@code anyOf} only by failing
	 * every branch, and one message then says what each would take.
	 */
	private record Finding(String field, String alternative, Phrase phrase) {

		static Finding of(Error error) {
			String alternative = alternative(error.getEvaluationPath());
			NodePath at = error.getInstanceLocation();
			if ("required".equals(error.getKeyword()) && alternative == null && error.getProperty() != null) {
				return new Finding(at.append(error.getProperty()).toString(), null, new Phrase("is", "required"));
			}
			return new Finding(at.toString(), alternative, ContractMessages.phrase(error));
		}

		/** The evaluation path up to the innermost anyOf's branch; null outside any. */
		private static String alternative(NodePath evaluation) {
			for (int i = evaluation.getNameCount() - 2; i >= 0; i--) {
				if ("anyOf".equals(evaluation.getElement(i))) {
					StringBuilder branch = new StringBuilder();
					for (int j = 0; j <= i + 1; j++) {
						branch.append('/').append(evaluation.getElement(j));
					}
					return branch.toString();
				}
			}
			return null;
		}

	}

	/** "must be" and "a valid email address": alternatives share the verb. */
	record Phrase(String verb, String what) {

		static String either(Collection<Phrase> alternatives) {
			Set<String> verbs = alternatives.stream().map(Phrase::verb).collect(Collectors.toSet());
			Set<String> distinct = new LinkedHashSet<>();
			alternatives.forEach((phrase) -> distinct.add((verbs.size() == 1) ? phrase.what() : phrase.toString()));
			return ((verbs.size() == 1) ? verbs.iterator().next() + " " : "") + String.join(" or ", distinct);
		}

		@Override
		public String toString() {
			return this.verb.isEmpty() ? this.what : this.verb + " " + this.what;
		}

	}

}
