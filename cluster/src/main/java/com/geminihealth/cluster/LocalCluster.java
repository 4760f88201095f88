package com.geminihealth.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

import com.geminihealth.broker.BrokerSecurity;
import com.geminihealth.cluster.ClusterShape.Layout;
import com.geminihealth.cluster.ClusterShape.Service;
import com.geminihealth.platform.CatalogueProvisioning;
import com.geminihealth.platform.TopicProperties;
import com.geminihealth.schemas.CatalogueAcls;

/**
 * The deployment of {@code docker-compose.yml} as processes on this machine, without
 * Docker: three combined KRaft nodes ({@link ClusterNode}), the sinks that stand in for
 * SMTP and Twilio ({@link Sinks}), and {@link ClusterShape#INSTANCES} instances of every
 * service, each its own JVM from the service's executable jar with its own ports and
 * state directory. Pids, logs and data live under the layout's root; {@code stop} ends
 * exactly the processes whose pid files it wrote.
 * <p>
 * The nodes are secured as {@link BrokerSecurity} says (SASL/SCRAM only, the
 * {@code StandardAuthorizer} denying what no ACL allows), as compose's are: before the
 * services start, the operator creates the catalogue's topics and ACLs, and each service
 * signs in with its own account. The passwords are in {@link ClusterSecrets}' file under
 * the root.
 *
 * <pre>
 * java -jar cluster/target/cluster-0.1.0-SNAPSHOT.jar start|stop|status [--root target/cluster] [--port-offset 0]
 * </pre>
 */
public final class LocalCluster {

	private static final Duration NODES_READY = Duration.ofSeconds(300);

	private static final Duration SERVICE_READY = Duration.ofSeconds(420);

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final Layout layout;

	private final Path repository;

	private final Settings settings;

	private BrokerSecurity security;

	/**
	 * What a caller adds to the shape, and to its security, as more node settings and
	 * more service environment, without code in the nodes or the services.
	 *
	 * @param nodeSettings added to every node's server properties, last
	 * @param serviceEnv added to every instance of the service named by the key, or of
	 * every service under {@code "*"} (e.g. the chaos run's reminder rules)
	 * @param sinkFailureRate the share of sends the sinks refuse transiently
	 * @param sinkLostAnswerRate the share of sends the sinks take without answering
	 */
	public record Settings(Map<String, String> nodeSettings, Map<String, Map<String, String>> serviceEnv,
			double sinkFailureRate, double sinkLostAnswerRate) {

		public static final Settings NONE = new Settings(Map.of(), Map.of(), 0, 0);

	}

	public LocalCluster(Layout layout, Path repository, Settings settings) {
		this.layout = layout;
		this.repository = repository.toAbsolutePath().normalize();
		this.settings = settings;
	}

	public Layout layout() {
		return this.layout;
	}

	/** Every process of the cluster by name, in start order: nodes, sinks, services. */
	public List<String> members() {
		List<String> members = new ArrayList<>(nodes());
		members.add("sinks");
		members.addAll(serviceInstances());
		return members;
	}

	public List<String> nodes() {
		List<String> nodes = new ArrayList<>();
		for (int node = 0; node < ClusterShape.NODES; node++) {
			nodes.add("node-" + (node + 1));
		}
		return nodes;
	}

	public List<String> serviceInstances() {
		List<String> instances = new ArrayList<>();
		for (int instance = 0; instance < ClusterShape.INSTANCES; instance++) {
			for (Service service : ClusterShape.SERVICES) {
				instances.add(service.instanceName(instance));
			}
		}
		return instances;
	}

	/** Starts everything and returns once every broker and every instance is ready. */
	public void start() throws Exception {
		long started = System.nanoTime();
		List<String> running = members().stream().filter((name) -> pid(name).isPresent()).toList();
		if (!running.isEmpty()) {
			throw new IllegalStateException("Already running: " + running + " (stop it first)");
		}
		checkPortsFree();
		Files.createDirectories(this.layout.logs());
		Files.createDirectories(this.layout.pids());
		this.security = ClusterSecrets.loadOrCreate(this.layout.root());
		for (String node : nodes()) {
			launch(node);
		}
		launch("sinks");
		awaitNodes();
		log("3 nodes ready in %d s", started);
		provision();
		log("topics and ACLs in place in %d s", started);
		// The first instance of each service starts its group's work; the second joins.
		for (Service service : ClusterShape.SERVICES) {
			launch(service.instanceName(0));
		}
		for (Service service : ClusterShape.SERVICES) {
			awaitReady(service.instanceName(0));
		}
		for (Service service : ClusterShape.SERVICES) {
			launch(service.instanceName(1));
		}
		for (Service service : ClusterShape.SERVICES) {
			awaitReady(service.instanceName(1));
		}
		log("cluster ready in %d s", started);
	}

	/**
	 * What an operator does before the services start, as they may not: the catalogue's
	 * topics as compose's services would declare them, and the ACLs generated from it,
	 * enforced by every broker.
	 */
	private void provision() {
		try (Admin admin = Admin.create(operatorSettings())) {
			CatalogueProvisioning.createTopics(admin,
					new TopicProperties(
							Integer.parseInt(ClusterShape.commonServiceEnv().get("PIPELINE_TOPICS_PARTITIONS")),
							Short.parseShort(ClusterShape.commonServiceEnv().get("PIPELINE_TOPICS_REPLICATIONFACTOR")),
							Map.of(), false));
		}
		security().applyAcls(this.layout.bootstrapServers(), CatalogueAcls.all());
	}

	/** The cluster's SCRAM passwords, from its passwords file. */
	BrokerSecurity security() {
		if (this.security == null) {
			try {
				this.security = ClusterSecrets.load(ClusterSecrets.file(this.layout.root()));
			}
			catch (IOException ex) {
				throw new UncheckedIOException("No passwords for the cluster under " + this.layout.root(), ex);
			}
		}
		return this.security;
	}

	/**
	 * What a client of this cluster logging in as {@code user} needs: the bootstrap
	 * servers and its SASL settings.
	 */
	public Map<String, Object> clientSettings(String user) {
		Map<String, Object> settings = new HashMap<>(security().clientSettings(user));
		settings.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, this.layout.bootstrapServers());
		return settings;
	}

	/** The operator's client settings: a super user, for the cluster's own checks. */
	public Map<String, Object> operatorSettings() {
		return clientSettings(ClusterSecrets.OPERATOR);
	}

	private static void log(String format, long startNanos) {
		System.out.printf(format + "%n", TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - startNanos));
	}

	/** Starts one member again (after {@link #kill}): same command, ports and data. */
	public void launch(String name) throws IOException {
		List<String> command = command(name);
		Path log = this.layout.logs().resolve(name + ".log");
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
			.directory(this.layout.root().toFile());
		Optional<Service> service = service(name);
		if (service.isPresent()) {
			builder.environment().putAll(environment(service.get(), instance(name)));
			builder.environment().putAll(this.settings.serviceEnv().getOrDefault("*", Map.of()));
			builder.environment().putAll(this.settings.serviceEnv().getOrDefault(service.get().name(), Map.of()));
		}
		Process process = builder.start();
		Files.writeString(pidFile(name), String.valueOf(process.pid()));
	}

	/**
	 * The environment of one instance of {@code service}, before the caller's settings:
	 * the shape's, and its account's login.
	 */
	Map<String, String> environment(Service service, int instance) {
		Map<String, String> env = new LinkedHashMap<>(service.env(this.layout, instance));
		env.putAll(ClusterSecrets.serviceEnv(security(), service.name()));
		return env;
	}

	private List<String> command(String name) throws IOException {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		List<String> command = new ArrayList<>(List.of(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
		if (name.startsWith("node-")) {
			int node = Integer.parseInt(name.substring("node-".length())) - 1;
			command.addAll(List.of("-Xmx512m", "-Xms512m", "-cp", classPath(), ClusterNode.class.getName(),
					writeNodeProperties(node).toString(), clusterId(),
					ClusterSecrets.file(this.layout.root()).toAbsolutePath().toString()));
		}
		else if (name.equals("sinks")) {
			command.addAll(List.of("-Xmx128m", "-cp", classPath(), Sinks.class.getName(),
					String.valueOf(this.layout.smtpPort()),
					String.valueOf(this.layout.offset() + ClusterShape.SINK_HTTP_PORT),
					String.valueOf(this.settings.sinkFailureRate()),
					String.valueOf(this.settings.sinkLostAnswerRate())));
		}
		else {
			Service service = service(name).orElseThrow(() -> new IllegalArgumentException("No member " + name));
			Path state = this.layout.instanceDir(name);
			Files.createDirectories(state.resolve("tmp"));
			command.addAll(List.of("-Xmx320m", "-Xss512k", "-Djava.io.tmpdir=" + state.resolve("tmp"), "-jar",
					jar(service.name()).toString()));
		}
		return command;
	}

	/**
	 * This JVM's class path with absolute entries, as the members run in their own
	 * directory.
	 */
	private static String classPath() {
		return Stream.of(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
			.map((entry) -> Path.of(entry).toAbsolutePath().normalize().toString())
			.collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
	}

	private Path jar(String module) throws IOException {
		Path target = this.repository.resolve(module).resolve("target");
		try (Stream<Path> files = Files.exists(target) ? Files.list(target) : Stream.empty()) {
			return files.filter((file) -> file.getFileName().toString().matches(module + "-.*-exec\\.jar"))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException(
						"No executable jar in " + target + ": build the services first (./mvnw -DskipTests package)"));
		}
	}

	/**
	 * A node's whole server configuration: the shape, its own id and ports, the caller's
	 * settings.
	 */
	private Path writeNodeProperties(int node) throws IOException {
		Properties properties = new Properties();
		properties.putAll(nodeSettings(node));
		Path file = this.layout.root().resolve("config").resolve("node-" + (node + 1) + ".properties");
		Files.createDirectories(file.getParent());
		// It holds the brokers' password.
		Files.deleteIfExists(file);
		Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
		try (Writer out = Files.newBufferedWriter(file)) {
			properties.store(out, "Written by LocalCluster on each start; edit ClusterShape or the settings instead");
		}
		return file;
	}

	/**
	 * The settings of node {@code node} (from 0): the shape's, its own, SASL and the
	 * authorizer of {@link BrokerSecurity} on its listeners, then the caller's.
	 */
	Map<String, String> nodeSettings(int node) {
		Map<String, String> props = new LinkedHashMap<>(ClusterShape.brokerSettings());
		props.put("node.id", String.valueOf(node + 1));
		props.put("listeners", ClusterShape.CLUSTER_LISTENER + "://localhost:" + this.layout.clientPort(node) + ","
				+ ClusterShape.CONTROLLER_LISTENER + "://localhost:" + this.layout.controllerPort(node));
		props.put("advertised.listeners",
				ClusterShape.CLUSTER_LISTENER + "://localhost:" + this.layout.clientPort(node));
		props.put("listener.security.protocol.map",
				ClusterShape.CLUSTER_LISTENER + ":PLAINTEXT," + ClusterShape.CONTROLLER_LISTENER + ":PLAINTEXT");
		props.put("controller.quorum.voters", this.layout.quorumVoters());
		props.put("log.dirs", this.layout.root().resolve("kafka").resolve("node-" + (node + 1)).toString());
		props.put("server.max.startup.time.ms", "120000");
		// Its names for the listeners replace the shape's (SASL_PLAINTEXT for INTERNAL).
		props.putAll(security().combinedSettings(this.layout.clientPort(node), this.layout.controllerPort(node)));
		props.putAll(this.settings.nodeSettings());
		return props;
	}

	/** Made once per cluster and kept beside its data, as compose keeps CLUSTER_ID. */
	private String clusterId() throws IOException {
		Path file = this.layout.root().resolve("cluster-id");
		if (!Files.exists(file)) {
			Files.createDirectories(file.getParent());
			Files.writeString(file, Uuid.randomUuid().toString());
		}
		return Files.readString(file).strip();
	}

	private static Optional<Service> service(String name) {
		return ClusterShape.SERVICES.stream().filter((service) -> name.matches(service.name() + "-\\d+")).findFirst();
	}

	private static int instance(String name) {
		return Integer.parseInt(name.substring(name.lastIndexOf('-') + 1)) - 1;
	}

	private Path pidFile(String name) {
		return this.layout.pids().resolve(name + ".pid");
	}

	/** The live process of a member, if its pid file names one that still runs. */
	public Optional<ProcessHandle> pid(String name) {
		Path file = pidFile(name);
		if (!Files.exists(file)) {
			return Optional.empty();
		}
		try {
			return ProcessHandle.of(Long.parseLong(Files.readString(file).strip())).filter(ProcessHandle::isAlive);
		}
		catch (IOException | NumberFormatException ex) {
			return Optional.empty();
		}
	}

	/** kill -9: no shutdown hook, no flush, no leaving the group. */
	public void kill(String name) throws InterruptedException {
		Optional<ProcessHandle> process = pid(name);
		if (process.isPresent()) {
			process.get().destroyForcibly();
			process.get().onExit().orTimeout(30, TimeUnit.SECONDS).join();
		}
	}

	/**
	 * Stops every member it started, services first, each cleanly if it can within 30 s.
	 */
	public void stop() throws Exception {
		List<String> order = new ArrayList<>(serviceInstances());
		order.add("sinks");
		order.addAll(nodes());
		List<ProcessHandle> stopping = new ArrayList<>();
		for (String name : order.subList(0, order.size() - ClusterShape.NODES)) {
			pid(name).ifPresent((process) -> {
				process.destroy();
				stopping.add(process);
			});
		}
		awaitExit(stopping);
		stopping.clear();
		for (String name : nodes()) {
			pid(name).ifPresent((process) -> {
				process.destroy();
				stopping.add(process);
			});
		}
		awaitExit(stopping);
		for (String name : members()) {
			Files.deleteIfExists(pidFile(name));
		}
	}

	private static void awaitExit(List<ProcessHandle> processes) {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
		for (ProcessHandle process : processes) {
			try {
				process.onExit().get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
			}
			catch (Exception ex) {
				process.destroyForcibly();
			}
		}
	}

	/** An operator's admin through {@code servers} that gives up on a call soon. */
	private Map<String, Object> probeSettings(String servers) {
		Map<String, Object> settings = operatorSettings();
		settings.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
		settings.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000);
		settings.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 4000);
		return settings;
	}

	public void awaitNodes() throws InterruptedException {
		long deadline = System.nanoTime() + NODES_READY.toNanos();
		try (Admin admin = Admin.create(probeSettings(this.layout.bootstrapServers()))) {
			while (System.nanoTime() < deadline) {
				try {
					if (admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).size() == ClusterShape.NODES) {
						return;
					}
				}
				catch (Exception ex) {
					// not all up yet
				}
				for (String node : nodes()) {
					if (pid(node).isEmpty()) {
						throw new IllegalStateException(
								node + " exited; see " + this.layout.logs().resolve(node + ".log"));
					}
				}
				Thread.sleep(500);
			}
		}
		throw new IllegalStateException("The 3 nodes did not all join within " + NODES_READY.toSeconds() + " s");
	}

	/**
	 * Waits until the node answers on its own port and counts itself in the cluster:
	 * after a kill the others still list it until its session times out, so asking them
	 * proves nothing.
	 */
	public void awaitNode(String name) throws InterruptedException {
		int node = Integer.parseInt(name.substring("node-".length())) - 1;
		long deadline = System.nanoTime() + NODES_READY.toNanos();
		try (Admin admin = Admin.create(probeSettings("localhost:" + this.layout.clientPort(node)))) {
			while (System.nanoTime() < deadline) {
				try {
					if (admin.describeCluster()
						.nodes()
						.get(5, TimeUnit.SECONDS)
						.stream()
						.anyMatch(
								(member) -> member.id() == node + 1 && member.port() == this.layout.clientPort(node))) {
						return;
					}
				}
				catch (Exception ex) {
					// not back yet
				}
				if (pid(name).isEmpty()) {
					throw new IllegalStateException(name + " exited; see " + this.layout.logs().resolve(name + ".log"));
				}
				Thread.sleep(500);
			}
		}
		throw new IllegalStateException(name + " did not come back within " + NODES_READY.toSeconds() + " s");
	}

	/** Waits until the instance answers 200 on its public {@code /readyz}. */
	public void awaitReady(String name) throws InterruptedException {
		Service service = service(name).orElseThrow();
		URI readyz = URI.create("http://localhost:" + service.port(this.layout, instance(name)) + "/readyz");
		long deadline = System.nanoTime() + SERVICE_READY.toNanos();
		while (System.nanoTime() < deadline) {
			if (pid(name).isEmpty()) {
				throw new IllegalStateException(name + " exited; see " + this.layout.logs().resolve(name + ".log"));
			}
			if (ready(readyz)) {
				return;
			}
			Thread.sleep(500);
		}
		throw new IllegalStateException(name + " was not ready within " + SERVICE_READY.toSeconds() + " s");
	}

	public boolean ready(String name) {
		Service service = service(name).orElseThrow();
		return ready(URI.create("http://localhost:" + service.port(this.layout, instance(name)) + "/readyz"));
	}

	private static boolean ready(URI readyz) {
		try {
			return http
				.send(HttpRequest.newBuilder(readyz).timeout(Duration.ofSeconds(3)).build(),
						HttpResponse.BodyHandlers.discarding())
				.statusCode() == 200;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private void checkPortsFree() {
		List<Integer> ports = new ArrayList<>();
		for (int node = 0; node < ClusterShape.NODES; node++) {
			ports.add(this.layout.clientPort(node));
			ports.add(this.layout.controllerPort(node));
		}
		ports.add(this.layout.smtpPort());
		ports.add(this.layout.offset() + ClusterShape.SINK_HTTP_PORT);
		for (Service service : ClusterShape.SERVICES) {
			for (int instance = 0; instance < ClusterShape.INSTANCES; instance++) {
				ports.add(service.port(this.layout, instance));
				ports.add(service.managementPort(this.layout, instance));
			}
		}
		List<Integer> taken = ports.stream().filter((port) -> !free(port)).toList();
		if (!taken.isEmpty()) {
			throw new IllegalStateException("Ports already in use: " + taken + " (choose another --port-offset)");
		}
	}

	private static boolean free(int port) {
		try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	public void printStatus() {
		System.out.printf("Cluster in %s (logs in %s)%n", this.layout.root(), this.layout.logs());
		System.out.printf("  Kafka bootstrap servers  %s%n", this.layout.bootstrapServers());
		for (String node : nodes()) {
			System.out.printf("  %-17s %-8s %s%n", node, state(node),
					"localhost:" + this.layout.clientPort(Integer.parseInt(node.substring("node-".length())) - 1));
		}
		System.out.printf("  %-17s %-8s smtp localhost:%d, Twilio stub and received messages %s/messages%n", "sinks",
				state("sinks"), this.layout.smtpPort(), this.layout.sinkUrl());
		for (String name : serviceInstances()) {
			Service service = service(name).orElseThrow();
			boolean alive = pid(name).isPresent();
			System.out.printf("  %-17s %-8s http://localhost:%d (operations http://localhost:%d/actuator)%n", name,
					alive ? (ready(name) ? "ready" : "starting") : "stopped", service.port(this.layout, instance(name)),
					service.managementPort(this.layout, instance(name)));
		}
		System.out.printf("  Front desk: sign in as %s / %s%n", ClusterShape.DASHBOARD_USERNAME,
				ClusterShape.DASHBOARD_PASSWORD);
	}

	private String state(String name) {
		return pid(name).map((process) -> "pid " + process.pid()).orElse("stopped");
	}

	public static void main(String[] args) throws Exception {
		String command = (args.length > 0) ? args[0] : "status";
		Path root = Path.of("target", "cluster");
		int offset = 0;
		for (int i = 1; i + 1 < args.length; i += 2) {
			switch (args[i]) {
				case "--root" -> root = Path.of(args[i + 1]);
				case "--port-offset" -> offset = Integer.parseInt(args[i + 1]);
				default -> throw new IllegalArgumentException("Unknown option " + args[i]);
			}
		}
		LocalCluster cluster = new LocalCluster(new Layout(root, offset), Path.of(""), Settings.NONE);
		switch (command) {
			case "start" -> {
				try {
					cluster.start();
				}
				catch (Exception ex) {
					System.err.println("Could not start the cluster: " + ex.getMessage());
					cluster.stop();
					System.exit(1);
				}
				cluster.printStatus();
			}
			case "stop" -> cluster.stop();
			case "status" -> cluster.printStatus();
			default -> {
				System.err.println("usage: start|stop|status [--root DIR] [--port-offset N]");
				System.exit(2);
			}
		}
	}

}
