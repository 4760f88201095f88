package com.geminihealth.schemas;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** The AsyncAPI document names every topic of the catalogue, its key and its messages. */
class AsyncApiDocumentTest {

	private static final String DOCUMENT = "contract/asyncapi.yaml";

	private final JsonNode document = YAMLMapper.builder().build().readTree(ContractFiles.read(DOCUMENT));

	@Test
	void isAnAsyncApi3DocumentForTheClinicPipeline() {
		assertThat(this.document.path("asyncapi").asString()).isEqualTo("3.0.0");
		assertThat(this.document.path("info").path("title").asString()).isEqualTo("Gemini Health clinic pipeline");
		assertThat(this.document.path("info").path("version").asString()).isEqualTo("1.0.0");
		assertThat(this.document.path("info").path("description").asString()).contains(CloudEvents.ID, CloudEvents.TYPE,
				CloudEvents.SOURCE, CloudEvents.TIME, CloudEvents.SPEC_VERSION);
		assertThat(this.document.path("servers").valueStream())
			.anySatisfy((server) -> assertThat(server.path("protocol").asString()).isEqualTo("kafka"));
	}

	@Test
	void everyTopicOfTheCatalogueIsAChannelAndEveryChannelATopic() {
		assertThat(this.document.path("channels").valueStream().map((channel) -> channel.path("address").asString()))
			.containsExactlyInAnyOrderElementsOf(Topics.ALL.stream().map(Topic::name).toList());
	}

	@Test
	void everyEventTypeIsAMessageOfItsTopicsChannelWithItsCeTypeAndSchema() {
		for (Topic<?, ?> topic : Topics.ALL) {
			List<JsonNode> messages = channel(topic.name()).path("messages").valueStream().map(this::resolve).toList();
			assertThat(messages).as(topic.name()).hasSize(Math.max(1, topic.eventTypes().size()));
			for (EventType<?> type : topic.eventTypes()) {
				assertThat(messages).as(type.ceType()).anySatisfy((message) -> {
					assertThat(message.path("name").asString()).isEqualTo(type.name());
					assertThat(message.path("title").asString()).isNotBlank();
					assertThat(
							message.path("headers").path("properties").path(CloudEvents.TYPE).path("const").asString())
						.isEqualTo(type.ceType());
					assertThat(message.path("payload").path("$ref").asString())
						.isEqualTo("./" + type.schemaResource().substring("contract/".length()));
				});
			}
		}
	}

	@Test
	void everyMessageDescribesItsKeyAsAPlainString() {
		for (JsonNode channel : this.document.path("channels").values()) {
			for (JsonNode message : channel.path("messages").values()) {
				JsonNode resolved = resolve(message);
				List<JsonNode> withKey = new ArrayList<>(List.of(resolved));
				resolved.path("traits").valueStream().map(this::resolve).forEach(withKey::add);
				assertThat(withKey).as(resolved.path("name").asString())
					.anySatisfy((
							part) -> assertThat(part.path("bindings").path("kafka").path("key").path("type").asString())
								.isEqualTo("string"));
			}
		}
	}

	@Test
	void theDeadLetterChannelCarriesTheOriginalBytesAndTheReason() {
		JsonNode deadLetter = resolve(channel(Topics.BOOKING_COMMANDS_DEAD_LETTERS.name()).path("messages")
			.valueStream()
			.findFirst()
			.orElseThrow());

		assertThat(deadLetter.path("payload").path("format").asString()).isEqualTo("binary");
		assertThat(resolve(deadLetter.path("headers")).path("required").valueStream().map(JsonNode::asString))
			.containsExactlyInAnyOrder(DeadLetters.REASON, DeadLetters.SOURCE_TOPIC, DeadLetters.SOURCE_PARTITION,
					DeadLetters.SOURCE_OFFSET);
	}

	@Test
	void everyTopicHasTheWritersAndReadersOfTheArchitecture() {
		Map<String, Set<String>> writers = Map.ofEntries(
				Map.entry("booking-commands", Set.of("booking-intake", "dashboard", "integrations")),
				Map.entry("appointments", Set.of("booking-intake")),
				Map.entry("appointment-states", Set.of("booking-intake")),
				Map.entry("patient-preferences", Set.of("reminders")),
				Map.entry("front-desk-marks", Set.of("dashboard")), Map.entry("erasures", Set.of("dashboard")),
				Map.entry("schedule-changes", Set.of("dashboard")),
				Map.entry("contact-inquiries", Set.of("booking-intake")), Map.entry("due-notices", Set.of("reminders")),
				Map.entry("patient-replies", Set.of("booking-intake", "dashboard")),
				Map.entry("notification-outcomes", Set.of("notifications")),
				Map.entry("delivery-reports", Set.of("booking-intake")),
				Map.entry("idempotency-keys", Set.of("booking-intake")),
				Map.entry("destination-uses", Set.of("booking-intake")),
				Map.entry("booking-commands.dlt", Set.of("booking-intake")),
				Map.entry("notifications.dlt", Set.of("notifications")),
				Map.entry("notifications.retry", Set.of("notifications", "dashboard")),
				Map.entry("reminders.dlt", Set.of("reminders")), Map.entry("treatment-plans", Set.of("dashboard")),
				Map.entry("waitlist", Set.of("booking-intake")), Map.entry("session-feedback", Set.of("reminders")));
		Map<String, Set<String>> readers = Map.ofEntries(Map.entry("booking-commands", Set.of("booking-intake")),
				Map.entry("appointments", Set.of("notifications", "reminders", "dashboard")),
				Map.entry("appointment-states", Set.of("notifications", "dashboard")),
				Map.entry("patient-preferences", Set.of("notifications")),
				Map.entry("front-desk-marks", Set.of("dashboard")),
				Map.entry("schedule-changes", Set.of("booking-intake", "dashboard")),
				Map.entry("erasures", Set.of("booking-intake", "notifications", "reminders", "dashboard")),
				Map.entry("contact-inquiries", Set.of("notifications", "dashboard")),
				Map.entry("due-notices", Set.of("notifications", "dashboard")),
				Map.entry("patient-replies", Set.of("notifications", "reminders", "dashboard")),
				Map.entry("notification-outcomes", Set.of("dashboard")),
				Map.entry("delivery-reports", Set.of("notifications")),
				Map.entry("idempotency-keys", Set.of("booking-intake")),
				Map.entry("destination-uses", Set.of("booking-intake")),
				Map.entry("booking-commands.dlt", Set.of("dashboard")),
				Map.entry("notifications.dlt", Set.of("dashboard")),
				Map.entry("notifications.retry", Set.of("notifications", "dashboard")),
				Map.entry("reminders.dlt", Set.of("dashboard")),
				Map.entry("treatment-plans", Set.of("notifications", "reminders", "dashboard")),
				Map.entry("waitlist", Set.of("notifications", "dashboard")),
				Map.entry("session-feedback", Set.of("dashboard")));

		assertThat(services("send")).isEqualTo(writers);
		assertThat(services("receive")).isEqualTo(readers);
	}

	@Test
	void everyChannelStatesTheLifetimeTheCatalogueGivesItsTopic() {
		for (Topic<?, ?> topic : Topics.ALL) {
			JsonNode configuration = channel(topic.name()).at("/bindings/kafka/topicConfiguration");
			assertThat(configuration.at("/cleanup.policy/0").asString()).as(topic.name())
				.isEqualTo(topic.configs().get("cleanup.policy"));
			assertThat(configuration.at("/retention.ms").asString()).as(topic.name())
				.isEqualTo(topic.configs().get("retention.ms"));
		}
	}

	@Test
	void everyOperationSendsOrReceivesMessagesOfItsOwnChannel() {
		for (JsonNode operation : this.document.path("operations").values()) {
			String channelRef = operation.path("channel").path("$ref").asString();
			assertThat(operation.path("messages").valueStream().map((message) -> message.path("$ref").asString()))
				.as(operation.path("title").asString())
				.isNotEmpty()
				.allSatisfy((ref) -> assertThat(ref).startsWith(channelRef + "/messages/"));
		}
	}

	@Test
	void everyReferenceResolves() {
		List<String> refs = new ArrayList<>();
		collectRefs(this.document, refs);

		assertThat(refs).isNotEmpty().allSatisfy((ref) -> {
			if (ref.startsWith("#/")) {
				assertThat(this.document.at(ref.substring(1)).isMissingNode()).as(ref).isFalse();
			}
			else {
				assertThat(ref).startsWith("./");
				assertThat(ContractFiles.exists("contract/" + ref.substring(2))).as(ref).isTrue();
			}
		});
	}

	private Map<String, Set<String>> services(String action) {
		return this.document.path("operations")
			.valueStream()
			.filter((operation) -> operation.path("action").asString().equals(action))
			.collect(Collectors.groupingBy((operation) -> resolve(operation.path("channel")).path("address").asString(),
					Collectors.mapping((operation) -> operation.path("x-service").asString(), Collectors.toSet())));
	}

	private JsonNode channel(String address) {
		return this.document.path("channels")
			.valueStream()
			.filter((channel) -> channel.path("address").asString().equals(address))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no channel for " + address));
	}

	/** Follows a reference inside the document. */
	private JsonNode resolve(JsonNode node) {
		String ref = node.path("$ref").asString("");
		return ref.startsWith("#/") ? resolve(this.document.at(ref.substring(1))) : node;
	}

	private static void collectRefs(JsonNode node, List<String> refs) {
		if (node.isObject() && node.has("$ref")) {
			refs.add(node.get("$ref").asString());
		}
		node.values().forEach((child) -> collectRefs(child, refs));
	}

}
