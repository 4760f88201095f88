package com.geminihealth.cluster;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

import com.geminihealth.cluster.ClusterShape.Layout;
import com.geminihealth.cluster.ClusterShape.Service;
import com.geminihealth.platform.CatalogueProvisioning;
import com.geminihealth.schemas.ServiceAccount;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The local cluster and {@code docker-compose.yml} describe one deployment: the same
 * broker settings on three nodes, secured alike, the same services, the same environment.
 * Only the secrets' values differ: the local cluster's are made at random, compose's come
 * from variables it cannot start without. A change on one side only fails here.
 */
class ComposeShapeTest {

	/** What each node sets for itself, beside the settings all nodes share. */
	private static final Set<String> PER_NODE = Set.of("node.id", "listeners", "advertised.listeners",
			"controller.quorum.voters", "log.dirs");

	/**
	 * Broker variables that the apache/kafka image does not turn into server settings.
	 */
	private static final Set<String> NOT_SETTINGS = Set.of("KAFKA_HEAP_OPTS");

	private static final String PROTOCOL_MAP = "listener.security.protocol.map";

	/** The operator's one-shot step before the services start. */
	private static final String PROVISIONING = "kafka-provisioning";

	private static final Set<String> NOT_SERVICES = Set.of("mailpit", PROVISIONING);

	/** A password in a JAAS entry: the login's own, or a user PLAIN knows. */
	private static final Pattern SECRET = Pattern.compile("(password|user_[a-z-]+)=\"([^\"]*)\"");

	/** A variable Compose refuses to start without. */
	private static final Pattern REQUIRED = Pattern.compile("\\$\\{([A-Z_]+):\\?[^}]+}");

	private final Map<String, Object> compose = compose();

	@TempDir
	Path root;

	private LocalCluster cluster;

	@BeforeEach
	void createLocalCluster() throws IOException {
		ClusterSecrets.loadOrCreate(this.root);
		this.cluster = new LocalCluster(new Layout(this.root, 0), Path.of(""), LocalCluster.Settings.NONE);
	}

	@Test
	void runsAsManyCombinedNodesAsCompose() {
		Map<String, Map<String, Object>> nodes = kafkaNodes();
		assertThat(nodes).hasSize(ClusterShape.NODES);
		nodes.values()
			.forEach((node) -> assertThat(env(node)).containsEntry("KAFKA_PROCESS_ROLES", "broker,controller"));
		assertThat(nodes.values().stream().map((node) -> env(node).get("KAFKA_NODE_ID")).collect(Collectors.toSet()))
			.containsExactlyInAnyOrder("1", "2", "3");
		assertThat(env(nodes.values().iterator().next()).get("KAFKA_CONTROLLER_QUORUM_VOTERS").split(","))
			.hasSize(ClusterShape.NODES);
	}

	@Test
	void givesEveryNodeTheSettingsOfTheLocalNodesSecurityIncluded() {
		for (Map<String, Object> node : kafkaNodes().values()) {
			Map<String, String> composeSettings = shared(serverSettings(env(node)));
			composeSettings.keySet().removeIf((name) -> name.startsWith(hostListenerPrefix()));
			int id = Integer.parseInt(env(node).get("KAFKA_NODE_ID"));
			Map<String, String> local = shared(inComposeNames(this.cluster.nodeSettings(id - 1)));
			local.keySet().removeAll(ClusterShape.LOCAL_ONLY_NODE.keySet());
			composeSettings.remove(PROTOCOL_MAP);
			local.remove(PROTOCOL_MAP);
			assertThat(composeSettings).as("settings of node %d", id).isEqualTo(local);
			assertThat(composeSettings).containsAllEntriesOf(ClusterShape.brokerSettings())
				.containsEntry("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer")
				.containsEntry("allow.everyone.if.no.acl.found", "false");
		}
	}

	@Test
	void authenticatesOnEveryListenerAsTheLocalNodes() {
		Map<String, String> composeSettings = serverSettings(env(kafkaNodes().values().iterator().next()));
		Map<String, String> composeProtocols = protocols(composeSettings.get(PROTOCOL_MAP));
		Map<String, String> localProtocols = protocols(inComposeNames(this.cluster.nodeSettings(0)).get(PROTOCOL_MAP));
		assertThat(localProtocols).containsOnlyKeys(ClusterShape.CLUSTER_LISTENER, ClusterShape.CONTROLLER_LISTENER)
			.doesNotContainValue("PLAINTEXT");
		Map<String, String> withoutHost = new TreeMap<>(composeProtocols);
		withoutHost.remove(ClusterShape.HOST_LISTENER);
		assertThat(withoutHost).isEqualTo(localProtocols);
		// The host's listener signs in as the cluster's does.
		String cluster = "listener.name." + ClusterShape.CLUSTER_LISTENER.toLowerCase(Locale.ROOT) + ".";
		assertThat(composeProtocols.get(ClusterShape.HOST_LISTENER))
			.isEqualTo(composeProtocols.get(ClusterShape.CLUSTER_LISTENER));
		assertThat(composeSettings.get(hostListenerPrefix() + "sasl.enabled.mechanisms"))
			.isEqualTo(composeSettings.get(cluster + "sasl.enabled.mechanisms"))
			.isEqualTo("SCRAM-SHA-512");
		assertThat(composeSettings.get(hostListenerPrefix() + "scram-sha-512.sasl.jaas.config"))
			.isEqualTo("org.apache.kafka.common.security.scram.ScramLoginModule required;");
	}

	@Test
	void takesEverySecretFromAVariableComposeCannotStartWithout() {
		for (Map<String, Object> service : services().values()) {
			env(service).forEach((name, value) -> {
				if (name.endsWith("JAAS_CONFIG")) {
					Matcher secret = SECRET.matcher(value);
					while (secret.find()) {
						assertThat(secret.group(2)).as(name).matches(REQUIRED);
					}
				}
				if (name.startsWith("PIPELINE_KAFKA_PASSWORD_")
						&& !name.equals(CatalogueProvisioning.passwordVariable(ServiceAccount.INTEGRATION))) {
					assertThat(value).as(name).matches(REQUIRED);
				}
			});
		}
	}

	@Test
	void runsTheServicesOfCompose() {
		assertThat(composeServices().keySet())
			.containsExactlyInAnyOrderElementsOf(ClusterShape.SERVICES.stream().map(Service::name).toList());
	}

	@Test
	void publishesTheFirstInstanceOnTheComposePort() {
		for (Service service : ClusterShape.SERVICES) {
			@SuppressWarnings("unchecked")
			List<String> ports = (List<String>) composeServices().get(service.name()).get("ports");
			assertThat(ports).containsExactly(service.port() + ":" + service.port());
			assertThat(service.port(this.cluster.layout(), 0)).isEqualTo(service.port());
		}
	}

	@Test
	void givesEveryServiceTheEnvironmentOfCompose() {
		for (Service service : ClusterShape.SERVICES) {
			Map<String, String> composeEnv = env(composeServices().get(service.name()));
			for (int instance = 0; instance < ClusterShape.INSTANCES; instance++) {
				Map<String, String> local = this.cluster.environment(service, instance);
				Set<String> localNames = new TreeSet<>(local.keySet());
				localNames.removeAll(ClusterShape.LOCAL_ONLY.keySet());
				assertThat(localNames).as("environment of %s", service.name())
					.isEqualTo(new TreeSet<>(composeEnv.keySet()));
				composeEnv.forEach((name, value) -> {
					String literal = withoutSecrets(value);
					if (!literal.contains("${") && !ClusterShape.LOCAL_VALUES.containsKey(name)) {
						assertThat(withoutSecrets(local.get(name))).as("%s of %s", name, service.name())
							.isEqualTo(literal);
					}
				});
			}
		}
	}

	@Test
	@SuppressWarnings("unchecked")
	void provisionsTopicsPasswordsAndAclsBeforeAnyServiceStarts() {
		Map<String, Object> provisioning = services().get(PROVISIONING);
		assertThat(provisioning.get("entrypoint").toString())
			.contains("-Dloader.main=" + CatalogueProvisioning.class.getName());
		assertThat(provisioning.get("command").toString()).contains("--apply")
			.contains("--partitions " + ClusterShape.commonServiceEnv().get("PIPELINE_TOPICS_PARTITIONS"))
			.contains(
					"--replication-factor " + ClusterShape.commonServiceEnv().get("PIPELINE_TOPICS_REPLICATIONFACTOR"));
		Map<String, String> provisioningEnv = env(provisioning);
		assertThat(provisioningEnv).containsKey("PIPELINE_KAFKA_PASSWORD_PIPELINE_ADMIN");
		for (Service service : ClusterShape.SERVICES) {
			Map<String, Object> composeService = composeServices().get(service.name());
			assertThat((Map<Object, Object>) composeService.get("depends_on"))
				.as("%s waits for the operator's step", service.name())
				.containsEntry(PROVISIONING, Map.of("condition", "service_completed_successfully"));
			// The service signs in with the password the operator's step sets for its
			// account.
			String variable = CatalogueProvisioning
				.passwordVariable(ServiceAccount.named(service.name()).orElseThrow());
			assertThat(env(composeService).get("SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG"))
				.contains("username=\"" + service.name() + "\"")
				.contains("password=\"${" + variable + ":?");
			assertThat(provisioningEnv.get(variable)).startsWith("${" + variable + ":?");
		}
	}

	@Test
	void saysWhyEveryLocalDifferenceExists() {
		Set<String> composeNames = composeServices().values()
			.stream()
			.flatMap((service) -> env(service).keySet().stream())
			.collect(Collectors.toSet());
		assertThat(composeNames).containsAll(ClusterShape.LOCAL_VALUES.keySet());
		assertThat(composeNames).doesNotContainAnyElementsOf(ClusterShape.LOCAL_ONLY.keySet());
		for (Map<String, Object> node : kafkaNodes().values()) {
			assertThat(serverSettings(env(node)))
				.doesNotContainKeys(ClusterShape.LOCAL_ONLY_NODE.keySet().toArray(String[]::new));
		}
		ClusterShape.LOCAL_VALUES.values().forEach((why) -> assertThat(why).isNotBlank());
		ClusterShape.LOCAL_ONLY.values().forEach((why) -> assertThat(why).isNotBlank());
		ClusterShape.LOCAL_ONLY_NODE.values().forEach((why) -> assertThat(why).isNotBlank());
	}

	@Test
	void pointsEveryServiceAtAllThreeNodes() {
		for (Service service : ClusterShape.SERVICES) {
			String compose = env(composeServices().get(service.name())).get("SPRING_KAFKA_BOOTSTRAP_SERVERS");
			String local = service.env(this.cluster.layout(), 0).get("SPRING_KAFKA_BOOTSTRAP_SERVERS");
			assertThat(local.split(",")).hasSameSizeAs(compose.split(",")).hasSize(ClusterShape.NODES);
		}
	}

	/**
	 * A node's server settings as the apache/kafka image writes them from its
	 * {@code KAFKA_*} variables: {@code _} becomes {@code .}, {@code __} {@code _} and
	 * {@code ___} {@code -}.
	 */
	private static Map<String, String> serverSettings(Map<String, String> env) {
		Map<String, String> settings = new TreeMap<>();
		env.forEach((name, value) -> {
			if (name.startsWith("KAFKA_") && !NOT_SETTINGS.contains(name)) {
				settings.put(name.substring("KAFKA_".length())
					.toLowerCase(Locale.ROOT)
					.replace('_', '.')
					.replace("...", "-")
					.replace("..", "_"), value);
			}
		});
		return settings;
	}

	/** The settings all nodes share, their secrets masked. */
	private static Map<String, String> shared(Map<String, String> settings) {
		Map<String, String> shared = new TreeMap<>();
		settings.forEach((name, value) -> {
			if (!PER_NODE.contains(name)) {
				shared.put(name, withoutSecrets(value));
			}
		});
		return shared;
	}

	/** The local node's settings with compose's listener names. */
	private static Map<String, String> inComposeNames(Map<String, String> settings) {
		Map<String, String> renamed = new TreeMap<>();
		settings.forEach((name, value) -> {
			String composeName = name;
			String composeValue = value;
			for (Map.Entry<String, String> listener : ClusterShape.COMPOSE_LISTENER_NAMES.entrySet()) {
				String prefix = "listener.name." + listener.getKey().toLowerCase(Locale.ROOT) + ".";
				if (name.startsWith(prefix)) {
					composeName = "listener.name." + listener.getValue().toLowerCase(Locale.ROOT) + "."
							+ name.substring(prefix.length());
				}
				if (name.equals("inter.broker.listener.name") && value.equals(listener.getKey())) {
					composeValue = listener.getValue();
				}
				if (name.equals(PROTOCOL_MAP)) {
					composeValue = composeValue.replaceAll("(^|,)" + listener.getKey() + ":",
							"$1" + listener.getValue() + ":");
				}
			}
			renamed.put(composeName, composeValue);
		});
		return renamed;
	}

	/** A listener security protocol map, listener name to protocol. */
	private static Map<String, String> protocols(String map) {
		Map<String, String> protocols = new TreeMap<>();
		for (String entry : map.split(",")) {
			String[] listener = entry.split(":");
			protocols.put(listener[0], listener[1]);
		}
		return protocols;
	}

	private static String hostListenerPrefix() {
		return "listener.name." + ClusterShape.HOST_LISTENER.toLowerCase(Locale.ROOT) + ".";
	}

	private static String withoutSecrets(String value) {
		return SECRET.matcher(value).replaceAll("$1=\"<secret>\"");
	}

	private Map<String, Map<String, Object>> kafkaNodes() {
		return services().entrySet()
			.stream()
			.filter((entry) -> env(entry.getValue()).containsKey("KAFKA_NODE_ID"))
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	private Map<String, Map<String, Object>> composeServices() {
		return services().entrySet()
			.stream()
			.filter((entry) -> !env(entry.getValue()).containsKey("KAFKA_NODE_ID"))
			.filter((entry) -> !NOT_SERVICES.contains(entry.getKey()))
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	@SuppressWarnings("unchecked")
	private Map<String, Map<String, Object>> services() {
		return (Map<String, Map<String, Object>>) this.compose.get("services");
	}

	/** A service's environment as Compose resolves its anchors and merge keys. */
	@SuppressWarnings("unchecked")
	private static Map<String, String> env(Map<String, Object> service) {
		Map<String, String> env = new LinkedHashMap<>();
		Object environment = service.get("environment");
		if (environment instanceof Map<?, ?> map) {
			((Map<String, Object>) map)
				.forEach((name, value) -> env.put(name, (value != null) ? value.toString() : ""));
		}
		return env;
	}

	private static Map<String, Object> compose() {
		LoaderOptions options = new LoaderOptions();
		options.setAllowDuplicateKeys(false);
		try (Reader reader = Files.newBufferedReader(Path.of("..", "docker-compose.yml"))) {
			return new Yaml(options).load(reader);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
