package com.geminihealth.schemas;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The accounts of the catalogue say what the services' code does, what the README's
 * contract says, and the ACLs generated from them say no more.
 */
class ServiceAccountTest {

	private static final Path README = Path.of("..", "README.md");

	/** Each service module and the account it runs as. */
	private static final Map<String, ServiceAccount> MODULES = Map.of("booking-intake", ServiceAccount.BOOKING_INTAKE,
			"notifications", ServiceAccount.NOTIFICATIONS, "reminders", ServiceAccount.REMINDERS, "dashboard",
			ServiceAccount.DASHBOARD);

	/** The README's words for the writers of a stream. */
	private static final Map<String, ServiceAccount> README_WRITERS = Map.of("booking-intake",
			ServiceAccount.BOOKING_INTAKE, "decider", ServiceAccount.BOOKING_INTAKE, "notifications",
			ServiceAccount.NOTIFICATIONS, "reminders", ServiceAccount.REMINDERS, "dashboard", ServiceAccount.DASHBOARD,
			"integrations", ServiceAccount.INTEGRATION);

	private static final Pattern PUBLISH = Pattern
		.compile("(?:publish|send)\\(Topics\\.([A-Z_]+)|\\.to\\(Topics\\.([A-Z_]+)\\.name\\(\\)");

	private static final Pattern LISTENER = Pattern
		.compile("@KafkaListener\\((.*?)\\)\\s*\\n\\s*(?:public |protected )?void ", Pattern.DOTALL);

	private static final Pattern STREAMS_SOURCE = Pattern
		.compile("\\.stream\\(Topics\\.([A-Z_]+)\\.name\\(\\)|checked\\(builder, Topics\\.([A-Z_]+)\\)");

	private static final Pattern TABLE = Pattern.compile("super\\(admin, Topics\\.([A-Z_]+)\\)");

	@Test
	void everyTopicHasAWriterAndAReader() {
		for (Topic<?, ?> topic : Topics.ALL) {
			assertThat(ServiceAccount.writersOf(topic)).as("writers of " + topic.name()).isNotEmpty();
			assertThat(ServiceAccount.readersOf(topic)).as("readers of " + topic.name()).isNotEmpty();
		}
	}

	@Test
	void streamsWithOneWriterByDesignHaveOne() {
		for (Topic<?, ?> topic : Topics.ALL) {
			if (topic != Topics.BOOKING_COMMANDS && topic != Topics.PATIENT_REPLIES
					&& topic != Topics.NOTIFICATIONS_RETRIES) {
				assertThat(ServiceAccount.writersOf(topic)).as("writers of " + topic.name()).hasSize(1);
			}
		}
		assertThat(ServiceAccount.writersOf(Topics.APPOINTMENTS)).containsExactly(ServiceAccount.BOOKING_INTAKE);
	}

	@Test
	void theReadmeContractNamesTheSameWriters() throws IOException {
		List<String> rows = Files.readAllLines(README)
			.stream()
			.dropWhile((line) -> !line.equals("## The contract"))
			.skip(1)
			.takeWhile((line) -> !line.startsWith("## "))
			.filter((line) -> line.startsWith("| `"))
			.toList();
		assertThat(rows).isNotEmpty();
		for (String row : rows) {
			String[] cells = row.split("\\|");
			String name = cells[1].trim().replace("`", "");
			Topic<?, ?> topic = Topics.named(name).orElseThrow(() -> new AssertionError(name + " is not catalogued"));
			Set<ServiceAccount> writers = EnumSet.noneOf(ServiceAccount.class);
			for (String word : cells[4].replaceAll("\\([^)]*\\)", "").split(",")) {
				ServiceAccount writer = README_WRITERS.get(word.trim());
				assertThat(writer).as("'" + word.trim() + "' in the README's row for " + name).isNotNull();
				writers.add(writer);
			}
			assertThat(ServiceAccount.writersOf(topic)).as("writers of " + name).isEqualTo(writers);
		}
	}

	@Test
	void theDeploymentGuideListsWhatEachAccountMayDo() throws IOException {
		List<String> rows = Files.readAllLines(Path.of("..", "docs", "deployment.md"))
			.stream()
			.dropWhile((line) -> !line.startsWith("## Who may write what"))
			.toList();
		for (ServiceAccount account : ServiceAccount.values()) {
			String row = rows.stream()
				.filter((line) -> line.startsWith("| `" + account.user() + "` |"))
				.findFirst()
				.orElseThrow(() -> new AssertionError("no row for " + account.user()));
			String[] cells = row.split("\\|");
			assertThat(quoted(cells[2])).as(account.user() + " writes").isEqualTo(topicNames(account.writes()));
			if (account.reads().equals(Topics.ALL)) {
				assertThat(cells[3].trim()).isEqualTo("every topic");
			}
			else {
				assertThat(quoted(cells[3])).as(account.user() + " reads").isEqualTo(topicNames(account.reads()));
			}
			Set<String> groups = new HashSet<>(account.groups());
			account.groupPrefixes().forEach((prefix) -> groups.add(prefix + "*"));
			assertThat(quoted(cells[4])).as(account.user() + " groups").isEqualTo(groups);
			assertThat(quoted(cells[5])).as(account.user() + " Kafka Streams")
				.isEqualTo(account.streamsApplicationId().map(Set::of).orElse(Set.of()));
		}
	}

	private static Set<String> quoted(String cell) {
		Set<String> found = new HashSet<>();
		Matcher matcher = Pattern.compile("`([^`]+)`").matcher(cell);
		while (matcher.find()) {
			found.add(matcher.group(1));
		}
		return found;
	}

	private static Set<String> topicNames(List<Topic<?, ?>> topics) {
		return topics.stream().map(Topic::name).collect(Collectors.toSet());
	}

	@Test
	void everyTopicAServicePublishesToIsOneItWrites() {
		MODULES.forEach((module, account) -> {
			Set<String> published = matches(module, PUBLISH);
			assertThat(names(account.writes())).as(module + " writes").containsAll(published);
		});
		// The scan sees what it should: a service's publishes and its topologies' sinks.
		assertThat(matches("booking-intake", PUBLISH)).contains("BOOKING_COMMANDS", "APPOINTMENTS");
	}

	@Test
	void everyTopicAServiceConsumesIsOneItReads() {
		MODULES.forEach((module, account) -> {
			Set<String> read = new HashSet<>(matches(module, STREAMS_SOURCE));
			read.addAll(matches(module, TABLE));
			assertThat(names(account.reads())).as(module + " reads").containsAll(read);
			for (String listener : listeners(module)) {
				String topic = attribute(listener, "topics");
				if (topic != null && !topic.startsWith("#{")) {
					assertThat(account.reads().stream().map(Topic::name)).as(module + " reads").contains(topic);
				}
			}
		});
		assertThat(matches("reminders", STREAMS_SOURCE)).contains("APPOINTMENTS", "ERASURES", "PATIENT_REPLIES");
		assertThat(matches("notifications", TABLE)).contains("NOTIFICATION_OUTCOMES", "PATIENT_PREFERENCES");
	}

	@Test
	void everyListenerGroupIsOneOfItsService() {
		MODULES.forEach((module, account) -> {
			for (String listener : listeners(module)) {
				String group = attribute(listener, "groupId");
				if (group == null) {
					String id = attribute(listener, "id");
					// An id written as a constant: its value, from the same class.
					group = (id != null) ? id : constantOf(module, listener);
				}
				String named = group;
				assertThat(account.groups().contains(named)
						|| account.groupPrefixes().stream().anyMatch((prefix) -> named.startsWith(prefix)))
					.as(module + " may use group " + named)
					.isTrue();
			}
		});
	}

	@Test
	void aStreamsServiceRunsAsTheApplicationItsAccountNames() throws IOException {
		for (ServiceAccount account : List.of(ServiceAccount.BOOKING_INTAKE, ServiceAccount.REMINDERS)) {
			String module = account.user();
			String yml = Files.readString(Path.of("..", module, "src", "main", "resources", module + ".yml"));
			assertThat(yml).contains("application-id: " + account.streamsApplicationId().orElseThrow());
		}
	}

	@Test
	void aclsAllowOnlyWhatTheCatalogueSays() {
		List<AclBinding> acls = CatalogueAcls.all();
		assertThat(acls).allSatisfy((acl) -> assertThat(acl.entry().permissionType().name()).isEqualTo("ALLOW"));
		// No account may create topics, change their settings, or do anything
		// cluster-wide.
		assertThat(acls).noneMatch((acl) -> acl.pattern().resourceType() == ResourceType.CLUSTER);
		assertThat(acls).noneMatch(
				(acl) -> acl.entry().operation() == AclOperation.ALL || acl.entry().operation() == AclOperation.ALTER
						|| acl.entry().operation() == AclOperation.ALTER_CONFIGS);
		// Prefixes only for what an application or an instance names itself.
		assertThat(acls).filteredOn((acl) -> acl.pattern().patternType() == PatternType.PREFIXED)
			.extracting((acl) -> acl.pattern().name())
			.containsOnly("booking-decider-", "reminders-", "dashboard-", "integration-", "notifications-");
		// No prefix of a Streams application covers a topic of the catalogue.
		for (Topic<?, ?> topic : Topics.ALL) {
			assertThat(topic.name()).doesNotStartWith("booking-decider-").doesNotStartWith("reminders-");
		}
		assertThat(acls).filteredOn((acl) -> acl.entry().principal().equals("User:notifications"))
			.filteredOn((acl) -> acl.entry().operation() == AclOperation.WRITE)
			.extracting((acl) -> acl.pattern().resourceType() + " " + acl.pattern().name())
			.containsExactlyInAnyOrder("TOPIC notification-outcomes", "TOPIC notifications.retry",
					"TOPIC notifications.dlt", "TRANSACTIONAL_ID notifications-");
		assertThat(acls).filteredOn((acl) -> acl.entry().principal().equals("User:integration"))
			.extracting((acl) -> acl.entry().operation() + " " + acl.pattern().name())
			.containsExactlyInAnyOrder("WRITE booking-commands", "READ appointments", "READ integration-");
	}

	private static Set<String> names(List<Topic<?, ?>> topics) {
		return Topics.ALL.stream()
			.filter(topics::contains)
			.map(ServiceAccountTest::constantName)
			.collect(Collectors.toSet());
	}

	private static String constantName(Topic<?, ?> topic) {
		return Arrays.stream(Topics.class.getFields()).filter((field) -> {
			try {
				return field.get(null) == topic;
			}
			catch (IllegalAccessException ex) {
				throw new IllegalStateException(ex);
			}
		}).findFirst().orElseThrow().getName();
	}

	private static Set<String> matches(String module, Pattern pattern) {
		Set<String> found = new HashSet<>();
		for (String source : sources(module).values()) {
			Matcher matcher = pattern.matcher(source);
			while (matcher.find()) {
				found.add((matcher.group(1) != null) ? matcher.group(1) : matcher.group(2));
			}
		}
		return found;
	}

	private static List<String> listeners(String module) {
		return sources(module).values().stream().flatMap((source) -> {
			Matcher matcher = LISTENER.matcher(source);
			Stream.Builder<String> found = Stream.builder();
			while (matcher.find()) {
				found.add(matcher.group(1) + "\n" + source);
			}
			return found.build();
		}).toList();
	}

	/** The string value of {@code name = "..."} in a listener's attributes. */
	private static String attribute(String listener, String name) {
		String attributes = listener.substring(0, listener.indexOf('\n'));
		Matcher matcher = Pattern.compile("\\b" + name + " = \"([^\"]*)\"").matcher(attributes);
		return matcher.find() ? matcher.group(1) : null;
	}

	/** The value of the constant a listener's {@code id} names, from its class. */
	private static String constantOf(String module, String listener) {
		String attributes = listener.substring(0, listener.indexOf('\n'));
		Matcher id = Pattern.compile("\\bid = ([A-Z_]+)").matcher(attributes);
		assertThat(id.find()).as(module + ": a listener without an id: " + attributes).isTrue();
		Matcher value = Pattern.compile("String " + id.group(1) + " = \"([^\"]*)\"")
			.matcher(listener.substring(listener.indexOf('\n')));
		assertThat(value.find()).as(module + ": the value of " + id.group(1)).isTrue();
		return value.group(1);
	}

	private static Map<Path, String> sources(String module) {
		Path root = Path.of("..", module, "src", "main", "java");
		try (Stream<Path> files = Files.walk(root)) {
			return files.filter((file) -> file.toString().endsWith(".java"))
				.collect(Collectors.toMap((file) -> file, ServiceAccountTest::read));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
