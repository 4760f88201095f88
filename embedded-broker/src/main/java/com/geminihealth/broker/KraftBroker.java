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
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka broker in KRaft combined mode (broker and controller in one
 * process), running inside this JVM. Everything lives in {@code dataDir}: starting again
 * on the same directory brings back the same cluster id, topics and records.
 */
public final class KraftBroker implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(KraftBroker.class);

	private static final int NODE_ID = 1;

	private static final String CONTROLLER_LISTENER = "CONTROLLER";

	private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);

	private final KafkaRaftServer server;

	private final String bootstrapServers;

	private final String clusterId;

	private final AtomicBoolean closed = new AtomicBoolean();

	private KraftBroker(KafkaRaftServer server, String bootstrapServers, String clusterId) {
		this.server = server;
		this.bootstrapServers = bootstrapServers;
		this.clusterId = clusterId;
	}

	/**
	 * Start a broker on {@code dataDir}, formatting it first if it has never been used.
	 * Returns once the broker answers Admin requests.
	 * @param dataDir the directory holding all the broker's state
	 * @param port the client (PLAINTEXT) port, or 0 for any free port
	 * @return the running broker
	 * @throws IllegalStateException if the broker fails to start or does not answer
	 * within a minute
	 */
	public static KraftBroker start(Path dataDir, int port) {
		return start(dataDir, port, Map.of());
	}

	/**
	 * As {@link #start(Path, int)}, with broker settings of the caller's on top, such as
	 * a retention check every second for a test of what retention deletes.
	 */
	public static KraftBroker start(Path dataDir, int port, Map<String, String> settings) {
		return start(dataDir, port, settings, null);
	}

	/**
	 * As {@link #start(Path, int, Map)}, for a broker that authenticates every client and
	 * authorises it by ACL ({@link BrokerSecurity}). The users' credentials are written
	 * when the data directory is formatted: starting again on it needs the same passwords
	 * ({@link BrokerSecurity#of}).
	 * @param security the users, their passwords and the broker's settings, or null for a
	 * broker open to anyone
	 */
	public static KraftBroker start(Path dataDir, int port, Map<String, String> settings, BrokerSecurity security) {
		long startNanos = System.nanoTime();
		String logDir = dataDir.toAbsolutePath().normalize().toString();
		try {
			Files.createDirectories(dataDir);
			// With a static quorum (controller.quorum.voters) the format does not
			// record the controller's address, so any free port works on each start.
			int[] free = freePorts(2);
			int brokerPort = (port != 0) ? port : free[0];
			int controllerPort = free[1];
			Map<String, String> props = config(logDir, brokerPort, controllerPort);
			if (security != null) {
				props.putAll(security.combinedSettings(brokerPort, controllerPort));
			}
			props.putAll(settings);
			KafkaConfig config = new KafkaConfig(props, false);
			// The Formatter writes meta.properties last: if it exists, the format
			// completed.
			boolean formatted = Files.exists(dataDir.resolve("meta.properties"));
			if (!formatted) {
				format(logDir, security);
			}
			KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
			String bootstrapServers = "localhost:" + brokerPort;
			try {
				server.startup();
				String clusterId = awaitAdminReady(bootstrapServers, startNanos, security);
				logger.info("Kafka broker {} on {} (cluster {}) {} in {} ms", bootstrapServers, logDir, clusterId,
						formatted ? "restarted" : "formatted and started",
						TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos));
				return new KraftBroker(server, bootstrapServers, clusterId);
			}
			catch (RuntimeException ex) {
				// A half-started server holds ports, threads and file locks; release
				// them so the caller can retry in the same JVM.
				IllegalStateException failure = new IllegalStateException(
						"Could not start a Kafka broker on " + bootstrapServers + " with data in " + logDir, ex);
				try {
					shutdown(server);
				}
				catch (RuntimeException shutdownFailure) {
					failure.addSuppressed(shutdownFailure);
				}
				throw failure;
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start a Kafka broker on " + logDir, ex);
		}
	}

	private static Map<String, String> config(String logDir, int brokerPort, int controllerPort) {
		Map<String, String> props = BrokerDefaults.forClusterOf(1);
		props.put("node.id", String.valueOf(NODE_ID));
		props.put("process.roles", "broker,controller");
		props.put("listeners",
				"PLAINTEXT://localhost:" + brokerPort + "," + CONTROLLER_LISTENER + "://localhost:" + controllerPort);
		// Clients must never be told about the controller listener.
		props.put("advertised.listeners", "PLAINTEXT://localhost:" + brokerPort);
		props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
		props.put("inter.broker.listener.name", "PLAINTEXT");
		props.put("controller.listener.names", CONTROLLER_LISTENER);
		props.put("controller.quorum.voters", NODE_ID + "@localhost:" + controllerPort);
		props.put("log.dirs", logDir);
		// Make a stuck startup fail instead of waiting forever (the default).
		props.put("server.max.startup.time.ms", String.valueOf(STARTUP_TIMEOUT.toMillis()));
		return props;
	}

	/**
	 * The programmatic equivalent of
	 * {@code kafka-storage.sh format --cluster-id <random>}.
	 */
	private static void format(String logDir, BrokerSecurity security) {
		String clusterId = Uuid.randomUuid().toString();
		Formatter formatter = new Formatter().setNodeId(NODE_ID)
			.setClusterId(clusterId)
			.setControllerListenerName(CONTROLLER_LISTENER)
			.setMetadataLogDirectory(logDir)
			.addDirectory(logDir)
			// It prints progress to stdout; start() logs one summary line instead.
			.setPrintStream(new PrintStream(OutputStream.nullOutputStream()));
		if (security != null) {
			formatter.setScramArguments(security.scramArguments());
		}
		try {
			formatter.run();
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not format Kafka storage in " + logDir, ex);
		}
	}

	/**
	 * {@code startup()} already waits for the broker to be unfenced; this additionally
	 * proves that a client can reach it and that it reports itself in the cluster.
	 */
	private static String awaitAdminReady(String bootstrapServers, long startNanos, BrokerSecurity security) {
		long deadline = startNanos + STARTUP_TIMEOUT.toNanos();
		Map<String, Object> adminConfig = new HashMap<>();
		if (security != null) {
			adminConfig.putAll(security.adminSettings());
		}
		adminConfig.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
		try (Admin admin = Admin.create(adminConfig)) {
			Exception lastFailure = null;
			while (System.nanoTime() < deadline) {
				int remainingMs = (int) Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
				DescribeClusterResult cluster = admin
					.describeCluster(new DescribeClusterOptions().timeoutMs(remainingMs));
				try {
					if (!cluster.nodes().get(remainingMs, TimeUnit.MILLISECONDS).isEmpty()) {
						return cluster.clusterId().get(remainingMs, TimeUnit.MILLISECONDS);
					}
				}
				catch (ExecutionException | TimeoutException ex) {
					lastFailure = ex;
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw new IllegalStateException("Interrupted while waiting for Kafka broker " + bootstrapServers,
							ex);
				}
			}
			throw new IllegalStateException("Kafka broker " + bootstrapServers
					+ " did not accept Admin requests within " + STARTUP_TIMEOUT.toSeconds() + "s", lastFailure);
		}
	}

	/**
	 * Ports that are free right now, all different: each is held until all are chosen,
	 * since the system may hand out a port again as soon as it is released. Someone else
	 * could take one before Kafka binds it, but on a developer machine that is rare
	 * enough, and Kafka then fails with a clear error.
	 */
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

	private static void shutdown(KafkaRaftServer server) {
		server.shutdown();
		server.awaitShutdown();
	}

	/**
	 * @return the {@code host:port} clients should use
	 */
	public String bootstrapServers() {
		return this.bootstrapServers;
	}

	/**
	 * @return the cluster id written when the data directory was formatted
	 */
	public String clusterId() {
		return this.clusterId;
	}

	/**
	 * Shut down cleanly (controlled shutdown, logs flushed) so the next start needs no
	 * log recovery. Calling it again does nothing.
	 */
	@Override
	public void close() {
		if (this.closed.compareAndSet(false, true)) {
			shutdown(this.server);
		}
	}

}
