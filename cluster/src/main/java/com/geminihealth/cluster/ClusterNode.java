package com.geminihealth.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.geminihealth.broker.BrokerSecurity;

/**
 * One combined broker and controller KRaft node, as a process of its own: what
 * {@code kafka-storage.sh format} followed by {@code kafka-server-start.sh} do in
 * compose's containers. Its whole configuration is one properties file that
 * {@link LocalCluster} writes, so whatever a deployment adds (SASL listeners, an
 * authorizer) is more lines in that file, not code here.
 *
 * <pre>java -cp cluster.jar com.geminihealth.cluster.ClusterNode node-1.properties CLUSTER_ID passwords.properties</pre>
 */
public final class ClusterNode {

	private static final Logger logger = LoggerFactory.getLogger(ClusterNode.class);

	private ClusterNode() {
	}

	public static void main(String[] args) throws Exception {
		if (args.length != 3) {
			System.err.println("usage: ClusterNode <server.properties> <cluster id> <passwords file>");
			System.exit(2);
		}
		Map<String, String> settings = read(Path.of(args[0]));
		String logDir = settings.get("log.dirs");
		int nodeId = Integer.parseInt(settings.get("node.id"));
		Files.createDirectories(Path.of(logDir));
		// The Formatter writes meta.properties last: if it exists, the format completed.
		if (!Files.exists(Path.of(logDir, "meta.properties"))) {
			format(nodeId, args[1], settings.get("controller.listener.names"), logDir,
					ClusterSecrets.load(Path.of(args[2])));
			logger.info("Formatted node {} of cluster {} in {}", nodeId, args[1], logDir);
		}
		KafkaRaftServer server = new KafkaRaftServer(new KafkaConfig(settings, false), Time.SYSTEM);
		// SIGTERM (LocalCluster stop) shuts down cleanly, so the next start needs no log
		// recovery; kill -9 (the chaos run) does not, as a crash would not.
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			server.shutdown();
			server.awaitShutdown();
		}, "cluster-node-shutdown"));
		server.startup();
		logger.info("Node {} started: {}", nodeId, settings.get("listeners"));
		server.awaitShutdown();
	}

	private static Map<String, String> read(Path file) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = Files.newInputStream(file)) {
			properties.load(in);
		}
		Map<String, String> settings = new HashMap<>();
		properties.stringPropertyNames().forEach((name) -> settings.put(name, properties.getProperty(name)));
		return settings;
	}

	/**
	 * The programmatic {@code kafka-storage.sh format --cluster-id ... --config ...
	 * --add-scram ...}: every account's credential is in the metadata before any broker
	 * starts.
	 */
	private static void format(int nodeId, String clusterId, String controllerListener, String logDir,
			BrokerSecurity security) throws Exception {
		new Formatter().setNodeId(nodeId)
			.setClusterId(clusterId)
			.setControllerListenerName(controllerListener)
			.setMetadataLogDirectory(logDir)
			.addDirectory(logDir)
			.setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
			.setScramArguments(security.scramArguments())
			.run();
	}

}
