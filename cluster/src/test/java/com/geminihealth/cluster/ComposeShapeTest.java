package com.geminihealth.cluster;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

import com.geminihealth.cluster.ClusterShape.Layout;
import com.geminihealth.cluster.ClusterShape.Service;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The local cluster and {@code docker-compose.yml} describe one deployment: the same
 * broker settings on three nodes, the same services, the same environment. A change on
 * one side only fails here.
 */
class ComposeShapeTest {

	/** What each node sets for itself, beside the settings all nodes share. */
	private static final Set<String> PER_NODE = Set.of("KAFKA_NODE_ID", "KAFKA_LISTENERS", "KAFKA_ADVERTISED_LISTENERS",
			"KAFKA_LISTENER_SECURITY_PROTOCOL_MAP", "KAFKA_CONTROLLER_QUORUM_VOTERS", "KAFKA_LOG_DIRS",
			"KAFKA_HEAP_OPTS");

	private static final Set<String> NOT_SERVICES = Set.of("mailpit");

	private final Map<String, Object> compose = compose();

	private final Layout layout = new Layout(Path.of("target", "shape-test"), 0);

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
	void givesEveryNodeTheBrokerSettingsOfCompose() {
		for (Map<String, Object> node : kafkaNodes().values()) {
			Map<String, String> settings = new LinkedHashMap<>();
			env(node).forEach((name, value) -> {
				if (name.startsWith("KAFKA_") && !PER_NODE.contains(name)) {
					settings.put(name.substring("KAFKA_".length()).toLowerCase().replace('_', '.'), value);
				}
			});
			assertThat(settings).isEqualTo(ClusterShape.brokerSettings());
		}
	}

	@Test
	void namesTheListenersAsCompose() {
		Map<String, String> env = env(kafkaNodes().values().iterator().next());
		assertThat(env.get("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP")).contains(ClusterShape.CLUSTER_LISTENER + ":",
				ClusterShape.CONTROLLER_LISTENER + ":");
		assertThat(env.get("KAFKA_INTER_BROKER_LISTENER_NAME")).isEqualTo(ClusterShape.CLUSTER_LISTENER);
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
			assertThat(service.port(this.layout, 0)).isEqualTo(service.port());
		}
	}

	@Test
	void givesEveryServiceTheEnvironmentOfCompose() {
		for (Service service : ClusterShape.SERVICES) {
			Map<String, String> composeEnv = env(composeServices().get(service.name()));
			for (int instance = 0; instance < ClusterShape.INSTANCES; instance++) {
				Map<String, String> local = service.env(this.layout, instance);
				Set<String> localNames = new TreeSet<>(local.keySet());
				localNames.removeAll(ClusterShape.LOCAL_ONLY.keySet());
				assertThat(localNames).as("environment of %s", service.name())
					.isEqualTo(new TreeSet<>(composeEnv.keySet()));
				composeEnv.forEach((name, value) -> {
					boolean fromHost = value.contains("${");
					if (!fromHost && !ClusterShape.LOCAL_VALUES.containsKey(name)) {
						assertThat(local.get(name)).as("%s of %s", name, service.name()).isEqualTo(value);
					}
				});
			}
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
		ClusterShape.LOCAL_VALUES.values().forEach((why) -> assertThat(why).isNotBlank());
		ClusterShape.LOCAL_ONLY.values().forEach((why) -> assertThat(why).isNotBlank());
	}

	@Test
	void saysWhyTheLocalClusterIsSecuredWhereComposeIsOpen() {
		Map<String, String> node = env(kafkaNodes().values().iterator().next());
		assertThat(node).doesNotContainKey("KAFKA_AUTHORIZER_CLASS_NAME");
		assertThat(node.get("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP")).doesNotContain("SASL");
		Set<String> composeNames = composeServices().values()
			.stream()
			.flatMap((service) -> env(service).keySet().stream())
			.collect(Collectors.toSet());
		assertThat(composeNames).doesNotContainAnyElementsOf(ClusterShape.LOCAL_SECURITY.keySet());
		ClusterShape.LOCAL_SECURITY.values().forEach((why) -> assertThat(why).isNotBlank());
	}

	@Test
	void pointsEveryServiceAtAllThreeNodes() {
		for (Service service : ClusterShape.SERVICES) {
			String compose = env(composeServices().get(service.name())).get("SPRING_KAFKA_BOOTSTRAP_SERVERS");
			String local = service.env(this.layout, 0).get("SPRING_KAFKA_BOOTSTRAP_SERVERS");
			assertThat(local.split(",")).hasSameSizeAs(compose.split(",")).hasSize(ClusterShape.NODES);
		}
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
