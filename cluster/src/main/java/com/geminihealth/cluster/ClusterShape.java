package com.geminihealth.cluster;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.geminihealth.broker.BrokerSecurity;

/**
 * The shape of the deployment, written once for the local cluster: three combined KRaft
 * nodes with the broker settings of {@code docker-compose.yml}, and every service with
 * the environment compose gives it. Both are secured alike: the same listener protocols
 * and SASL mechanisms, the {@code StandardAuthorizer} with the same super users, and each
 * service signing in with its own account; only the passwords differ.
 * {@code ComposeShapeTest} reads the compose file and fails when the two disagree, so a
 * setting changed on one side only breaks the build.
 */
public final class ClusterShape {

	/** Combined broker and controller nodes, as compose's kafka-1, kafka-2, kafka-3. */
	public static final int NODES = 3;

	/** Instances of every service, each a JVM of its own. */
	public static final int INSTANCES = 2;

	static final String CLUSTER_LISTENER = "INTERNAL";

	static final String CONTROLLER_LISTENER = "CONTROLLER";

	/**
	 * A node's client port is this plus its index (0, 1, 2), plus the layout's offset.
	 */
	static final int FIRST_CLIENT_PORT = 9092;

	/** Its controller (quorum) port likewise. */
	static final int FIRST_CONTROLLER_PORT = 19093;

	/** The second instance of a service listens 100 above the first, on both ports. */
	static final int INSTANCE_PORT_STEP = 100;

	/** SMTP of the mail sink, as Mailpit's in compose. */
	static final int SMTP_PORT = 1025;

	/**
	 * The sinks' HTTP port: the Twilio stub and the list of what arrived (Mailpit's UI
	 * port).
	 */
	static final int SINK_HTTP_PORT = 8025;

	/**
	 * Fixed, local-only secrets, so that manage links and signed replies still work after
	 * a restart. A deployment sets its own from the environment, as compose demands.
	 */
	static final String MANAGE_LINKS_SECRET = "local-cluster-only-manage-links-secret-not-for-deployment";

	static final String PAGES_SECRET = "local-cluster-only-intake-pages-secret-not-for-deployment";

	public static final String TWILIO_ACCOUNT_SID = "AC00000000000000000000000000c1a5e4";

	public static final String TWILIO_AUTH_TOKEN = "local-cluster-twilio-auth-token";

	static final String TWILIO_FROM_NUMBER = "+12892348001";

	public static final String DASHBOARD_USERNAME = "frontdesk";

	public static final String DASHBOARD_PASSWORD = "frontdesk-gemini";

	private ClusterShape() {
	}

	/**
	 * Settings every node has, whatever its id and ports: compose's {@code x-kafka-env}
	 * without what differs per host (node id, listeners, data directory, heap).
	 */
	public static Map<String, String> brokerSettings() {
		Map<String, String> settings = new LinkedHashMap<>();
		settings.put("process.roles", "broker,controller");
		settings.put("controller.listener.names", CONTROLLER_LISTENER);
		settings.put("inter.broker.listener.name", CLUSTER_LISTENER);
		settings.put("auto.create.topics.enable", "false");
		settings.put("default.replication.factor", "3");
		settings.put("min.insync.replicas", "2");
		settings.put("offsets.topic.replication.factor", "3");
		settings.put("transaction.state.log.replication.factor", "3");
		settings.put("transaction.state.log.min.isr", "2");
		settings.put("share.coordinator.state.topic.replication.factor", "3");
		settings.put("share.coordinator.state.topic.min.isr", "2");
		settings.put("group.initial.rebalance.delay.ms", "0");
		return settings;
	}

	/**
	 * The environment compose gives every service ({@code x-service-env}), but the
	 * address.
	 */
	static Map<String, String> commonServiceEnv() {
		Map<String, String> env = new LinkedHashMap<>();
		env.put("PIPELINE_TOPICS_PARTITIONS", "6");
		env.put("PIPELINE_TOPICS_REPLICATIONFACTOR", "3");
		return env;
	}

	/**
	 * Values the local cluster sets differently from compose on purpose, with why. Any
	 * other literal value of compose must be the same here.
	 */
	static final Map<String, String> LOCAL_VALUES = Map.of("SPRING_KAFKA_BOOTSTRAP_SERVERS",
			"the nodes' ports on localhost instead of the containers' names", "PIPELINE_DATADIR",
			"one state directory per instance instead of a volume", "DASHBOARD_INTAKE_URL",
			"the first intake instance on localhost instead of the container name", "INTAKE_PUBLICAPI_ENABLED",
			"on: the chaos run and local tries book over the unsigned JSON API, which compose keeps off");

	/**
	 * Compose's names for the local nodes' listeners where they differ:
	 * {@link BrokerSecurity} names the client and inter-broker listener after its
	 * protocol.
	 */
	static final Map<String, String> COMPOSE_LISTENER_NAMES = Map.of(BrokerSecurity.LISTENER, CLUSTER_LISTENER);

	/**
	 * Compose's listener for tools on the Docker host ({@code localhost:9092} to
	 * {@code :9094}), secured as the cluster listener; the local nodes are on the host
	 * already.
	 */
	static final String HOST_LISTENER = "EXTERNAL";

	/** Node settings only the local cluster sets, with why. */
	static final Map<String, String> LOCAL_ONLY_NODE = Map.of("server.max.startup.time.ms",
			"a node stuck in its startup exits instead of waiting for ever; compose leaves that to its health check");

	/** Settings only the local cluster sets, with why. */
	static final Map<String, String> LOCAL_ONLY = Map.of("SERVER_PORT",
			"two instances share one host, so each has its own port", "MANAGEMENT_SERVER_PORT",
			"likewise for the operations port", "INTAKE_PAGES_SECRET",
			"two intake instances must accept each other's form challenges (compose runs one)",
			"NOTIFICATIONS_SMS_APIBASEURL", "texts go to the local Twilio stub, not to Twilio");

	/** Every service of compose, in start order. */
	public static final List<Service> SERVICES = List.of(new Service("booking-intake", 8080, 9080,
			List.of("PIPELINE_DATADIR", "TWILIO_AUTH_TOKEN", "TWILIO_WEBHOOK_BASE_URL", "PIPELINE_MANAGE_LINKS_SECRET",
					"INTAKE_PUBLICAPI_ENABLED", "SPRING_APPLICATION_JSON", "INTAKE_PAGES_SECRET")),
			new Service("notifications", 8081, 9081,
					List.of("TWILIO_ACCOUNT_SID", "TWILIO_AUTH_TOKEN", "TWILIO_MESSAGING_SERVICE_SID",
							"TWILIO_FROM_NUMBER", "TWILIO_STATUS_CALLBACK_URL", "NOTIFICATIONS_MESSAGES_BOOKINGURL",
							"NOTIFICATIONS_MESSAGES_MANAGEURL", "NOTIFICATIONS_MESSAGES_OFFERURL",
							"NOTIFICATIONS_MESSAGES_FEEDBACKURL", "PIPELINE_MANAGE_LINKS_SECRET", "SPRING_MAIL_HOST",
							"SPRING_MAIL_PORT", "SPRING_MAIL_USERNAME", "SPRING_MAIL_PASSWORD",
							"NOTIFICATIONS_SMS_APIBASEURL")),
			new Service("reminders", 8082, 9082, List.of("PIPELINE_DATADIR")),
			new Service("dashboard", 8083, 9083, List.of("DASHBOARD_INTAKE_URL", "DASHBOARD_SECURITY_USERS_0_USERNAME",
					"DASHBOARD_SECURITY_USERS_0_PASSWORD", "DASHBOARD_BEHIND_HTTPS")));

	public static Service service(String name) {
		return SERVICES.stream()
			.filter((service) -> service.name().equals(name))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("No service " + name));
	}

	/**
	 * One service of the deployment.
	 *
	 * @param name its module and compose service name
	 * @param port its public port (the first instance's), as compose publishes it
	 * @param managementPort its operations port (the first instance's)
	 * @param ownEnv the names of the environment variables it has beside the common ones
	 */
	public record Service(String name, int port, int managementPort, List<String> ownEnv) {

		public int port(Layout layout, int instance) {
			return layout.offset() + this.port + instance * INSTANCE_PORT_STEP;
		}

		public int managementPort(Layout layout, int instance) {
			return layout.offset() + this.managementPort + instance * INSTANCE_PORT_STEP;
		}

		/**
		 * The instance's name in logs, pid files and reports: {@code notifications-2}.
		 */
		public String instanceName(int instance) {
			return this.name + "-" + (instance + 1);
		}

		/**
		 * The environment of one instance: compose's, with local addresses and secrets.
		 */
		public Map<String, String> env(Layout layout, int instance) {
			Map<String, String> env = new LinkedHashMap<>();
			env.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", layout.bootstrapServers());
			env.putAll(commonServiceEnv());
			String intake = "http://localhost:" + service("booking-intake").port(layout, 0);
			Map<String, String> own = new LinkedHashMap<>();
			own.put("PIPELINE_DATADIR", layout.instanceDir(instanceName(instance)).toString());
			own.put("TWILIO_AUTH_TOKEN", TWILIO_AUTH_TOKEN);
			own.put("TWILIO_WEBHOOK_BASE_URL", intake);
			own.put("PIPELINE_MANAGE_LINKS_SECRET", MANAGE_LINKS_SECRET);
			own.put("INTAKE_PUBLICAPI_ENABLED", "true");
			own.put("SPRING_APPLICATION_JSON", "");
			own.put("INTAKE_PAGES_SECRET", PAGES_SECRET);
			own.put("TWILIO_ACCOUNT_SID", TWILIO_ACCOUNT_SID);
			own.put("TWILIO_MESSAGING_SERVICE_SID", "");
			own.put("TWILIO_FROM_NUMBER", TWILIO_FROM_NUMBER);
			own.put("TWILIO_STATUS_CALLBACK_URL", intake + "/twilio/status");
			own.put("NOTIFICATIONS_MESSAGES_BOOKINGURL", intake + "/book");
			own.put("NOTIFICATIONS_MESSAGES_MANAGEURL", intake + "/m/");
			own.put("NOTIFICATIONS_MESSAGES_OFFERURL", intake + "/waitlist/offers/");
			own.put("NOTIFICATIONS_MESSAGES_FEEDBACKURL", intake + "/feedback/");
			own.put("SPRING_MAIL_HOST", "localhost");
			own.put("SPRING_MAIL_PORT", String.valueOf(layout.offset() + SMTP_PORT));
			own.put("SPRING_MAIL_USERNAME", "");
			own.put("SPRING_MAIL_PASSWORD", "");
			own.put("NOTIFICATIONS_SMS_APIBASEURL", layout.sinkUrl() + "/");
			own.put("DASHBOARD_INTAKE_URL", intake);
			own.put("DASHBOARD_SECURITY_USERS_0_USERNAME", DASHBOARD_USERNAME);
			own.put("DASHBOARD_SECURITY_USERS_0_PASSWORD", "{noop}" + DASHBOARD_PASSWORD);
			own.put("DASHBOARD_BEHIND_HTTPS", "false");
			for (String name : this.ownEnv) {
				env.put(name, own.get(name));
			}
			env.put("SERVER_PORT", String.valueOf(port(layout, instance)));
			env.put("MANAGEMENT_SERVER_PORT", String.valueOf(managementPort(layout, instance)));
			return env;
		}

	}

	/**
	 * Where one cluster lives on this machine.
	 *
	 * @param root its data, logs and pid files
	 * @param offset added to every port, so that two clusters (or a cluster and someone
	 * else's broker) can share the machine
	 */
	public record Layout(Path root, int offset) {

		public Layout {
			root = root.toAbsolutePath().normalize();
		}

		public int clientPort(int node) {
			return this.offset + FIRST_CLIENT_PORT + node;
		}

		public int controllerPort(int node) {
			return this.offset + FIRST_CONTROLLER_PORT + node;
		}

		public String bootstrapServers() {
			StringBuilder servers = new StringBuilder();
			for (int node = 0; node < NODES; node++) {
				servers.append((node > 0) ? "," : "").append("localhost:").append(clientPort(node));
			}
			return servers.toString();
		}

		public String quorumVoters() {
			StringBuilder voters = new StringBuilder();
			for (int node = 0; node < NODES; node++) {
				voters.append((node > 0) ? "," : "")
					.append(node + 1)
					.append("@localhost:")
					.append(controllerPort(node));
			}
			return voters.toString();
		}

		public int smtpPort() {
			return this.offset + SMTP_PORT;
		}

		public String sinkUrl() {
			return "http://localhost:" + (this.offset + SINK_HTTP_PORT);
		}

		public Path instanceDir(String instance) {
			return this.root.resolve("state").resolve(instance);
		}

		public Path logs() {
			return this.root.resolve("logs");
		}

		public Path pids() {
			return this.root.resolve("pids");
		}

	}

}
