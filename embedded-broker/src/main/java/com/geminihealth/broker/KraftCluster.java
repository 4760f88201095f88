package com.geminihealth.broker;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Kafka cluster of several brokers inside this JVM, for proving what the pipeline
 * does when brokers are lost: one KRaft controller, which is never stopped, and brokers
 * that can each be stopped and started again on the same port and data. Topics default to
 * a copy on each broker (at most three) with {@code min.insync.replicas} of two, as a
 * production cluster would have them: one broker may go without stopping writes, two may
 * not.
 */
public final class KraftCluster implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(KraftCluster.class);

	private static final int CONTROLLER_ID = 0;

	private static final String CONTROLLER_LISTENER = "CONTROLLER";

	private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);

	private final Path dataDir;

	private final String clusterId;

	private final int controllerPort;

	private final int[] brokerPorts;

	private final Map<String, String> settings;

	/** Null for a cluster open to anyone, as the local run's. */
	private final BrokerSecurity security;

	private final KafkaRaftServer controller;

	private final KafkaRaftServer[] brokers;

	private KraftCluster(Path dataDir, String clusterId, int controllerPort, int[] brokerPorts,
			Map<String, String> settings, BrokerSecurity security) {
		this.dataDir = dataDir;
		this.clusterId = clusterId;
		this.controllerPort = controllerPort;
		this.brokerPorts = brokerPorts;
		this.settings = Map.copyOf(settings);
		this.security = security;
		this.controller = server(controllerConfig(), "controller");
		this.brokers = new KafkaRaftServer[brokerPorts.length];
	}

	/**
	 * Formats {@code dataDir} for a new cluster and starts it; returns once every broker
	 * answers.
	 * @param dataDir where the controller and each broker keep their data, each in a
	 * directory of its own
	 * @param brokers how many brokers
	 * @param settings broker settings of the caller's on top of the defaults
	 * @return the running cluster
	 */
	public static KraftCluster start(Path dataDir, int brokers, Map<String, String> settings) {
		return start(dataDir, brokers, settings, null);
	}

	/**
	 * As {@link #start(Path, int, Map)}, for a cluster that authenticates every client
	 * and authorises it by ACL ({@link BrokerSecurity}): nobody may do anything but the
	 * super users until {@link #applyAcls} grants it.
	 * @param security the users, their passwords and the brokers' settings, or null for a
	 * cluster open to anyone
	 */
	public static KraftCluster start(Path dataDir, int brokers, Map<String, String> settings, BrokerSecurity security) {
		long startNanos = System.nanoTime();
		try {
			int[] ports = freePorts(brokers + 1);
			int[] brokerPorts = new int[brokers];
			System.arraycopy(ports, 1, brokerPorts, 0, brokers);
			String clusterId = Uuid.randomUuid().toString();
			KraftCluster cluster = new KraftCluster(dataDir, clusterId, ports[0], brokerPorts, settings, security);
			cluster.controller.startup();
			for (int index = 0; index < brokers; index++) {
				cluster.startBroker(index);
			}
			logger.info("Kafka cluster {} of {} brokers on {} started in {} ms", clusterId, brokers,
					cluster.bootstrapServers(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos));
			return cluster;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start a Kafka cluster in " + dataDir, ex);
		}
	}

	/** Every broker's {@code host:port}, whether it runs now or not. */
	public String bootstrapServers() {
		List<String> servers = new ArrayList<>();
		for (int port : this.brokerPorts) {
			servers.add("localhost:" + port);
		}
		return String.join(",", servers);
	}

	/** The cluster's users and passwords, if it is secured. */
	public Optional<BrokerSecurity> security() {
		return Optional.ofNullable(this.security);
	}

	/**
	 * Creates {@code acls} as the operator, and returns once every running broker
	 * enforces them.
	 * @throws IllegalStateException if the cluster is not secured
	 */
	public synchronized void applyAcls(Collection<AclBinding> acls) {
		if (this.security == null) {
			throw new IllegalStateException("This cluster enforces no ACLs: start it with a BrokerSecurity");
		}
		List<String> running = new ArrayList<>();
		for (int index = 0; index < this.brokerPorts.length; index++) {
			if (this.brokers[index] != null) {
				running.add("localhost:" + this.brokerPorts[index]);
			}
		}
		this.security.applyAcls(String.join(",", running), acls);
	}

	/** How many brokers the cluster has, running or stopped. */
	public int size() {
		return this.brokerPorts.length;
	}

	/**
	 * Stops one broker cleanly (its partitions' leadership moves first), as an operator
	 * or an orchestrator restarting a node does.
	 * @param index from 0 to {@link #size()} - 1
	 */
	public synchronized void stopBroker(int index) {
		KafkaRaftServer broker = this.brokers[index];
		if (broker != null) {
			this.brokers[index] = null;
			broker.shutdown();
			broker.awaitShutdown();
			logger.info("Kafka broker {} on localhost:{} stopped", index + 1, this.brokerPorts[index]);
		}
	}

	/**
	 * Starts one broker again, on its port and data; returns once the controller counts
	 * it among the cluster's brokers. Does nothing if it runs.
	 */
	public synchronized void startBroker(int index) {
		if (this.brokers[index] == null) {
			KafkaRaftServer broker = server(brokerConfig(index), "broker-" + (index + 1));
			broker.startup();
			this.brokers[index] = broker;
			awaitRegistered(index + 1);
		}
	}

	/** Whether a broker runs now. */
	public synchronized boolean isRunning(int index) {
		return this.brokers[index] != null;
	}

	@Override
	public synchronized void close() {
		for (int index = 0; index < this.brokers.length; index++) {
			stopBroker(index);
		}
		this.controller.shutdown();
		this.controller.awaitShutdown();
	}

	private KafkaRaftServer server(Map<String, String> props, String directory) {
		Path dir = this.dataDir.resolve(directory);
		try {
			Files.createDirectories(dir);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		String logDir = dir.toAbsolutePath().normalize().toString();
		props.put("log.dirs", logDir);
		if (!Files.exists(dir.resolve("meta.properties"))) {
			format(Integer.parseInt(props.get("node.id")), logDir);
		}
		return new KafkaRaftServer(new KafkaConfig(props, false), Time.SYSTEM);
	}

	private Map<String, String> controllerConfig() {
		Map<String, String> props = common(CONTROLLER_ID);
		// The controller announces the cluster's default to every broker (Kafka 4's
		// eligible leader replicas), overriding the brokers' own.
		props.put("min.insync.replicas", String.valueOf(Math.min(2, this.brokerPorts.length)));
		props.put("process.roles", "controller");
		props.put("listeners", CONTROLLER_LISTENER + "://localhost:" + this.controllerPort);
		if (this.security != null) {
			props.putAll(this.security.controllerSettings());
		}
		return props;
	}

	private Map<String, String> brokerConfig(int index) {
		int port = this.brokerPorts[index];
		Map<String, String> props = common(index + 1);
		props.putAll(BrokerDefaults.forClusterOf(this.brokerPorts.length));
		props.put("process.roles", "broker");
		props.put("listeners", "PLAINTEXT://localhost:" + port);
		props.put("advertised.listeners", "PLAINTEXT://localhost:" + port);
		props.put("inter.broker.listener.name", "PLAINTEXT");
		if (this.security != null) {
			props.putAll(this.security.brokerSettings(port));
		}
		props.putAll(this.settings);
		return props;
	}

	private Map<String, String> common(int nodeId) {
		Map<String, String> props = new HashMap<>();
		props.put("node.id", String.valueOf(nodeId));
		props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
		props.put("controller.listener.names", CONTROLLER_LISTENER);
		props.put("controller.quorum.voters", CONTROLLER_ID + "@localhost:" + this.controllerPort);
		props.put("server.max.startup.time.ms", String.valueOf(STARTUP_TIMEOUT.toMillis()));
		return props;
	}

	private void format(int nodeId, String logDir) {
		Formatter formatter = new Formatter().setNodeId(nodeId)
			.setClusterId(this.clusterId)
			.setControllerListenerName(CONTROLLER_LISTENER)
			.setMetadataLogDirectory(logDir)
			.addDirectory(logDir)
			.setPrintStream(new PrintStream(OutputStream.nullOutputStream()));
		if (this.security != null) {
			// Every user's credential is in the metadata before any broker starts.
			formatter.setScramArguments(this.security.scramArguments());
		}
		try {
			formatter.run();
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not format Kafka storage in " + logDir, ex);
		}
	}

	private void awaitRegistered(int nodeId) {
		long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
		Map<String, Object> adminConfig = new HashMap<>();
		if (this.security != null) {
			adminConfig.putAll(this.security.adminSettings());
		}
		adminConfig.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:" + this.brokerPorts[nodeId - 1]);
		try (Admin admin = Admin.create(adminConfig)) {
			while (System.nanoTime() < deadline) {
				try {
					Set<Integer> nodes = admin.describeCluster()
						.nodes()
						.get(5, TimeUnit.SECONDS)
						.stream()
						.map(Node::id)
						.collect(Collectors.toSet());
					if (nodes.contains(nodeId)) {
						return;
					}
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw new IllegalStateException("Interrupted while starting broker " + nodeId, ex);
				}
				catch (Exception ex) {
					// not answering yet
				}
			}
		}
		throw new IllegalStateException(
				"Kafka broker " + nodeId + " did not join the cluster within " + STARTUP_TIMEOUT.toSeconds() + "s");
	}

	private static int[] freePorts(int count) throws IOException {
		ServerSocket[] sockets = new ServerSocket[count];
		try {
			int[] ports = new int[count];
			for (int i = 0; i < count; i++) {
				sockets[i] = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
				ports[i] = sockets[i].getLocalPort();
			}
			return ports;
		}
		finally {
			for (ServerSocket socket : sockets) {
				if (socket != null) {
					socket.close();
				}
			}
		}
	}

}
