package com.geminihealth.schemas;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;

/**
 * Validates JSON against the published JSON Schemas (2020-12), with one message per field
 * that a person can read: {@code $.patient.email: must be a valid email address} (see
 * {@link ContractMessages}).
 */
public final class Contract {

	/**
	 * Schema {@code $id}s start with this and resolve to the schemas on the classpath.
	 */
	public static final String SCHEMA_ID_PREFIX = "https://schemas.geminihealth.com/clinic/";

	private static final SchemaRegistry REGISTRY = SchemaRegistry
		.withDefaultDialect(SpecificationVersion.DRAFT_2020_12, (builder) -> builder
			.schemaRegistryConfig(
					SchemaRegistryConfig.builder().formatAssertionsEnabled(true).pathType(PathType.JSON_PATH).build())
			.schemaIdResolvers((resolvers) -> resolvers.mapPrefix(SCHEMA_ID_PREFIX, "classpath:contract/schemas/")));

	private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();

	private Contract() {
	}

	/**
	 * The problems with {@code json} as an instance of {@code type}; empty when it is
	 * valid.
	 */
	public static List<String> violations(EventType<?> type, byte[] json) {
		try {
			return violations(type.schemaResource(), Json.MAPPER.readTree(json));
		}
		catch (JacksonException ex) {
			return notJson(ex);
		}
	}

	/**
	 * The problems with {@code event} as it would be written on the wire; empty when it
	 * is valid. Reads the record straight into a tree, without writing its JSON out and
	 * parsing it again.
	 */
	public static List<String> violationsOf(EventType<?> type, Object event) {
		return violations(type.schemaResource(), Json.MAPPER.valueToTree(event));
	}

	/** The problems with {@code json} against the schema at a classpath resource. */
	public static List<String> violations(String schemaResource, String json) {
		try {
			return violations(schemaResource, Json.MAPPER.readTree(json));
		}
		catch (JacksonException ex) {
			return notJson(ex);
		}
	}

	/**
	 * The JSON as a tree, once it is known valid: one parse serves both the schema and
	 * the record. Throws {@link ContractViolation} naming every problem otherwise.
	 */
	static JsonNode requireValid(EventType<?> type, byte[] json) {
		JsonNode tree;
		List<String> problems;
		try {
			tree = Json.MAPPER.readTree(json);
			problems = violations(type.schemaResource(), tree);
		}
		catch (JacksonException ex) {
			tree = null;
			problems = notJson(ex);
		}
		if (!problems.isEmpty()) {
			throw new ContractViolation(type.ceType() + " is invalid: " + String.join("; ", problems), problems, null);
		}
		return tree;
	}

	private static List<String> violations(String schemaResource, JsonNode tree) {
		if (tree.isMissingNode()) {
			return List.of("$: is empty, not JSON");
		}
		Schema schema = SCHEMAS.computeIfAbsent(schemaResource,
				(resource) -> REGISTRY.getSchema(SchemaLocation.of("classpath:" + resource)));
		return ContractMessages.describe(schema.validate(tree));
	}

	/**
	 * Where the JSON breaks, never the parser's own message: it quotes the input
	 * ("Unrecognized token 'Marie'"), which may be a patient's name.
	 */
	private static List<String> notJson(JacksonException ex) {
		TokenStreamLocation where = ex.getLocation();
		if (where == null || where.getLineNr() < 1) {
			return List.of("$: is not JSON");
		}
		return List.of("$: is not JSON (line " + where.getLineNr() + ", column " + where.getColumnNr() + ")");
	}

}
